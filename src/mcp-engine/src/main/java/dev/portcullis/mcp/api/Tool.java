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
