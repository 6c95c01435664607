package dev.portcullis.mcp.tools;

import dev.portcullis.json.Jsons;
import dev.portcullis.mcp.api.ClientRequests;
import dev.portcullis.mcp.api.Content;
import dev.portcullis.mcp.api.DownstreamException;
import dev.portcullis.mcp.api.McpLog;
import dev.portcullis.mcp.api.Progress;
import dev.portcullis.mcp.api.TaskHandoff;
import dev.portcullis.mcp.api.TextContent;
import dev.portcullis.mcp.api.Tool;
import dev.portcullis.mcp.api.ToolCallException;
import dev.portcullis.mcp.api.ToolResponse;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A discovered tool: its {@code Tool} descriptor (built once, at deployment) and its method.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/tools#calling-tools">Calling tools</a>
 */
public final class ToolDefinition {

    private final String name;
    private final JsonObject descriptor;
    private final FeatureMethod method;
    private final boolean structured;
    private final Map<String, String> headers;
    private final Tool.TaskSupport taskSupport;
    private final boolean auditArguments;
    private final Set<String> sensitiveArguments;

    ToolDefinition(
            String name,
            JsonObject descriptor,
            FeatureMethod method,
            boolean structured,
            Map<String, String> headers,
            Tool.TaskSupport taskSupport) {
        this(name, descriptor, method, structured, headers, taskSupport, false);
    }

    ToolDefinition(
            String name,
            JsonObject descriptor,
            FeatureMethod method,
            boolean structured,
            Map<String, String> headers,
            Tool.TaskSupport taskSupport,
            boolean auditArguments) {
        this(name, descriptor, method, structured, headers, taskSupport, auditArguments, Set.of());
    }

    ToolDefinition(
            String name,
            JsonObject descriptor,
            FeatureMethod method,
            boolean structured,
            Map<String, String> headers,
            Tool.TaskSupport taskSupport,
            boolean auditArguments,
            Set<String> sensitiveArguments) {
        this.sensitiveArguments = Set.copyOf(sensitiveArguments);
        this.auditArguments = auditArguments;
        this.taskSupport = taskSupport;
        this.headers = Map.copyOf(headers);
        this.name = name;
        this.descriptor = descriptor;
        this.method = method;
        this.structured = structured;
    }

    public String name() {
        return name;
    }

    /** Whether the tool opted in to having its arguments and result in the audit trail ({@link Tool#auditArguments}). */
    public boolean auditArguments() {
        return auditArguments;
    }

    /** The arguments marked {@code @ToolArg(sensitive = true)}, which observers must not show. */
    public Set<String> sensitiveArguments() {
        return sensitiveArguments;
    }

    /** Argument name to {@code Mcp-Param-*} header name, for arguments declared with {@code x-mcp-header}. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Whether calls may run as tasks (SEP-2663). */
    public Tool.TaskSupport taskSupport() {
        return taskSupport;
    }

    /** Whether the method takes a {@code TaskHandoff}, so it runs on the request until it hands off. */
    public boolean handsOff() {
        return method.takes(TaskHandoff.class);
    }

    /** The {@code Tool} object for {@code tools/list}. */
    /** Who may see and call it. */
    public AccessRule access() {
        return method.access();
    }

    public JsonObject descriptor() {
        return descriptor;
    }

    /** Whether the tool may send notifications or client requests while it runs (then the answer is an SSE stream). */
    public boolean mayNotify() {
        return mayLog() || method.takes(Progress.class) || method.takes(ClientRequests.class);
    }

    /** Whether the tool takes an {@code McpLog}. */
    public boolean mayLog() {
        return method.takes(McpLog.class);
    }

    /**
     * Calls the tool and returns the {@code CallToolResult}. Invalid arguments and {@link ToolCallException}s become
     * results with {@code isError: true}; {@code McpException} and unexpected exceptions propagate to the server.
     */
    public JsonObject call(JsonObject arguments, InvocationScope scope) {
        return call(arguments, scope, failure -> {});
    }

    /**
     * {@link #call(JsonObject, InvocationScope)}, telling {@code downstreamFailures} about a {@link DownstreamException}
     * that ended the call (for the audit trail: the failure to obtain a downstream credential is an event of its own).
     */
    public JsonObject call(
            JsonObject arguments, InvocationScope scope, Consumer<DownstreamException> downstreamFailures) {
        Object returned;
        try {
            returned = method.invoke(arguments, scope);
        } catch (DownstreamException e) {
            downstreamFailures.accept(e);
            return error(e.getMessage());
        } catch (InvalidArgumentException | ToolCallException e) {
            return error(e.getMessage());
        } catch (RuntimeException e) {
            // A downstream credential failure inside a JAX-RS client filter arrives wrapped (ProcessingException).
            DownstreamException downstream = downstreamCause(e);
            if (downstream == null) {
                throw e;
            }
            downstreamFailures.accept(downstream);
            return error(downstream.getMessage());
        }
        return encode(returned);
    }

    private static DownstreamException downstreamCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DownstreamException downstream) {
                return downstream;
            }
        }
        return null;
    }

    JsonObject encode(Object returned) {
        if (returned instanceof ToolResponse response) {
            JsonObjectBuilder result = Jsons.PROVIDER.createObjectBuilder().add("content", blocks(response.content()));
            if (response.structuredContent() != null) {
                result.add("structuredContent", Jsonb.toJson(response.structuredContent()));
            }
            return response.isError() ? result.add("isError", true).build() : result.build();
        }
        if (returned == null) {
            return Jsons.PROVIDER
                    .createObjectBuilder()
                    .add("content", JsonValue.EMPTY_JSON_ARRAY)
                    .build();
        }
        if (returned instanceof String text) {
            return withContent(List.of(new TextContent(text)));
        }
        if (returned instanceof Content content) {
            return withContent(List.of(content));
        }
        if (returned instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Content.class::isInstance)) {
            return withContent(list.stream().map(Content.class::cast).toList());
        }
        JsonValue json = Jsonb.toJson(returned);
        JsonObjectBuilder result = Jsons.PROVIDER
                .createObjectBuilder()
                .add(
                        "content",
                        Jsons.PROVIDER
                                .createArrayBuilder()
                                .add(ContentEncoder.encode(new TextContent(json.toString()))));
        return structured ? result.add("structuredContent", json).build() : result.build();
    }

    private static JsonObject withContent(List<Content> content) {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("content", blocks(content))
                .build();
    }

    private static JsonArrayBuilder blocks(List<Content> content) {
        JsonArrayBuilder blocks = Jsons.PROVIDER.createArrayBuilder();
        content.forEach(c -> blocks.add(ContentEncoder.encode(c)));
        return blocks;
    }

    static JsonObject error(String message) {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add(
                        "content",
                        Jsons.PROVIDER.createArrayBuilder().add(ContentEncoder.encode(new TextContent(message))))
                .add("isError", true)
                .build();
    }

    @Override
    public String toString() {
        return name + " (" + method + ")";
    }
}
