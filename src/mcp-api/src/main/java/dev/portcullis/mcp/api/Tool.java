package dev.portcullis.mcp.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a method of a CDI bean as an MCP tool. Parameters become the input schema's properties (see
 * {@link ToolArg}); parameters of type {@link Progress}, {@link McpLog} and {@link Cancellation} are supplied by
 * the server instead.
 *
 * <p>The method may return {@link ToolResponse}, a {@link Content} block, a {@code List} of them, a
 * {@code String} (one text block), {@code void}, or any other value, which is serialized as JSON text (and as
 * {@code structuredContent} when {@link #structuredContent()} is set).
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/tools#tool">Tool</a>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Tool {

    /** The pattern every tool name must match (checked when the application deploys). */
    String SPEC_NAME_PATTERN = "^[A-Za-z0-9_.-]{1,128}$";

    /** The unique name; defaults to the method name. */
    String name() default "";

    /** A human-readable display name. */
    String title() default "";

    /** What the tool does, for the model. */
    String description() default "";

    /** Behaviour hints; only hints declared here are sent. */
    Annotations annotations() default @Annotations;

    /**
     * A JSON Schema document (JSON text) to publish instead of the generated input schema, for keywords the
     * generator does not produce ({@code $defs}, {@code $ref}, formats). Parameters still bind by name.
     */
    String inputSchema() default "";

    /** Generates an {@code outputSchema} from the return type and sends the result as {@code structuredContent}. */
    boolean structuredContent() default false;

    /**
     * Whether the audit trail records this tool's call arguments and its result (default: neither; the call itself,
     * with subject, client, outcome and duration, is always recorded). Fields the server configures as secret
     * ({@code portcullis.audit.redact-fields}) are replaced by {@code [redacted]} at any depth.
     */
    boolean auditArguments() default false;

    /**
     * Whether calls may run as tasks of the {@code io.modelcontextprotocol/tasks} extension (2026-07-28). With
     * {@link TaskSupport#OPTIONAL} or {@link TaskSupport#REQUIRED} a call from a client that negotiated the extension
     * returns a {@code CreateTaskResult} at once and the method runs in the background; {@code OPTIONAL} runs
     * synchronously for other clients, {@code REQUIRED} rejects them with -32021. A method that takes a
     * {@link TaskHandoff} runs synchronously until it calls {@link TaskHandoff#handOff()}.
     *
     * @see <a href="https://modelcontextprotocol.io/seps/2663-tasks-extension">SEP-2663 Tasks extension</a>
     */
    TaskSupport taskSupport() default TaskSupport.FORBIDDEN;

    /** How a tool takes part in the tasks extension. */
    enum TaskSupport {
        /** Always synchronous. */
        FORBIDDEN,
        /** A task when the client negotiated the extension, synchronous otherwise. */
        OPTIONAL,
        /** A task; clients without the extension get -32021. */
        REQUIRED
    }

    /**
     * Hints about the tool's behaviour. The defaults are the MCP spec's; a hint is sent only when
     * {@link #declared()} is set or any attribute differs from its default.
     *
     * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema#toolannotations">ToolAnnotations</a>
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface Annotations {
        String title() default "";

        boolean readOnlyHint() default false;

        boolean destructiveHint() default true;

        boolean idempotentHint() default false;

        boolean openWorldHint() default true;

        /** Sends all hints even when they equal the spec defaults. */
        boolean declared() default false;
    }
}
