package dev.portcullis.mcp.server.tasks;

import dev.portcullis.mcp.api.Tool;
import dev.portcullis.mcp.protocol.McpError;
import dev.portcullis.mcp.server.context.RequestContext;
import dev.portcullis.mcp.server.context.RequestHandler;
import dev.portcullis.mcp.server.exchange.Era;
import dev.portcullis.mcp.server.features.HandOff;
import dev.portcullis.mcp.server.features.ToolRunner;
import dev.portcullis.mcp.tools.ToolDefinition;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

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
public final class ToolsCallHandler implements RequestHandler {

    private final ToolRunner tools;
    private final TaskLifecycle tasks;

    public ToolsCallHandler(ToolRunner tools, TaskLifecycle tasks) {
        this.tools = tools;
        this.tasks = tasks;
    }

    @Override
    public JsonObject handle(RequestContext context) {
        ToolDefinition tool = tools.tool(context.params().getString("name", null), context.caller());
        JsonValue arguments = context.params().get("arguments");
        if (arguments != null
                && arguments != JsonValue.NULL
                && arguments.getValueType() != JsonValue.ValueType.OBJECT) {
            throw McpError.invalidParams("Invalid params: arguments must be an object");
        }
        JsonObject args = arguments instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        if (context.era() != Era.MODERN || tool.taskSupport() == Tool.TaskSupport.FORBIDDEN) {
            return tools.call(context, tool, args, context.scope());
        }
        JsonObject capabilities = context.clientCapabilities();
        if (!TasksExtension.negotiated(capabilities)) {
            if (tool.taskSupport() == Tool.TaskSupport.REQUIRED) {
                throw TasksExtension.missing();
            }
            return tools.call(context, tool, args, context.scope());
        }
        if (tool.handsOff()) {
            try {
                return tools.call(context, tool, args, context.scope().withHandoff(() -> {
                    throw new HandOff();
                }));
            } catch (HandOff handOff) {
                // the method gathered its input; it runs again as a task
            }
        }
        TaskRecord task =
                tasks.create(tool, args, capabilities, context.inputs().answers(), context.caller());
        return task.toCreateTaskResult();
    }
}
