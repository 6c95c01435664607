package dev.portcullis.mcp.server;

import dev.portcullis.mcp.protocol.Jsons;
import dev.portcullis.mcp.api.Tool;

import dev.portcullis.mcp.protocol.McpError;
import dev.portcullis.mcp.tools.FeatureRegistry;
import dev.portcullis.mcp.tools.ToolDefinition;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.function.Supplier;

/**
 * {@code tools/call}: an unknown tool or malformed params is -32602; everything the tool reports, including
 * invalid arguments, is a result with {@code isError: true} (SEP-1303). In the modern era a tool with task support
 * called by a client that negotiated the tasks extension becomes a task and the answer is a flat
 * {@code CreateTaskResult} ({@code resultType: "task"}); a tool that takes a {@code TaskHandoff} first runs on the
 * request (multi-round-trip input included) until it hands off.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/tools#error-handling">Tool errors</a>
 * @see <a href="https://modelcontextprotocol.io/seps/2663-tasks-extension">SEP-2663 Tasks extension</a>
 */
final class ToolsCallHandler implements RequestHandler {

    private final Supplier<FeatureRegistry> registry;
    private final TaskStore tasks;
    private final McpInstrumentation instrumentation;

    ToolsCallHandler(Supplier<FeatureRegistry> registry, TaskStore tasks, McpInstrumentation instrumentation) {
        this.registry = registry;
        this.tasks = tasks;
        this.instrumentation = instrumentation;
    }

    /**
     * Runs the tool bean's method under an observation of its own (a child span of the request's); a downstream
     * credential failure that ended it is kept on the request's {@code context} for the observer.
     */
    private JsonObject call(RequestContext context, ToolDefinition tool, JsonObject args,
            dev.portcullis.mcp.tools.InvocationScope scope) {
        McpInstrumentation.Observation observation = McpInstrumentation.safely(() -> instrumentation.feature("tool",
                tool.name()));
        String outcome = String.valueOf(dev.portcullis.mcp.protocol.JsonRpcErrorCodes.INTERNAL_ERROR);
        try {
            // A task's later run has no request to report to (context null).
            JsonObject result = tool.call(args, scope, context == null ? failure -> { } : context::downstreamFailed);
            outcome = result.get("isError") == JsonValue.TRUE ? McpInstrumentation.TOOL_ERROR : null;
            return result;
        } catch (HandOff | InputRequired pause) {
            outcome = null; // the method pauses (it runs again as a task, or with the client's answers)
            throw pause;
        } catch (McpError e) {
            outcome = String.valueOf(e.code());
            throw e;
        } finally {
            observation.end(outcome);
        }
    }

    @Override
    public JsonObject handle(RequestContext context) {
        ToolDefinition tool = tool(registry.get(), context.params(), context.caller());
        JsonValue arguments = context.params().get("arguments");
        if (arguments != null && arguments != JsonValue.NULL && arguments.getValueType() != JsonValue.ValueType.OBJECT) {
            throw McpError.invalidParams("Invalid params: arguments must be an object");
        }
        JsonObject args = arguments instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        if (context.era() != Era.MODERN || tool.taskSupport() == Tool.TaskSupport.FORBIDDEN) {
            return call(context, tool, args, context.scope());
        }
        JsonObject capabilities = context.clientCapabilities();
        if (!TasksExtension.negotiated(capabilities)) {
            if (tool.taskSupport() == Tool.TaskSupport.REQUIRED) {
                throw TasksExtension.missing();
            }
            return call(context, tool, args, context.scope());
        }
        if (tool.handsOff()) {
            try {
                return call(context, tool, args, context.scope().withHandoff(() -> {
                    throw new HandOff();
                }));
            } catch (HandOff handOff) {
                // the method gathered its input; it runs again as a task
            }
        }
        Task task = tasks.create(scope -> call(null, tool, args, scope), capabilities, context.inputs().answers(),
                context.principal());
        return Jsons.PROVIDER.createObjectBuilder(task.toJson(false)).add("resultType", "task").build();
    }

    /** The named tool, if this caller may see it: a tool outside the caller's roles is as unknown as a missing one. */
    static ToolDefinition tool(FeatureRegistry registry, JsonObject params, dev.portcullis.mcp.api.Caller caller) {
        String name = params.getString("name", null);
        if (name == null) {
            throw McpError.invalidParams("Invalid params: name is required");
        }
        return registry.tool(name).filter(tool -> FeatureAccess.admits(tool.access(), caller))
                .orElseThrow(() -> McpError.invalidParams("Unknown tool: " + name));
    }
}
