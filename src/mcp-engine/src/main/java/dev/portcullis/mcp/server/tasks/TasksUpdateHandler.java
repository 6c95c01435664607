package dev.portcullis.mcp.server.tasks;

import dev.portcullis.mcp.protocol.McpError;
import dev.portcullis.mcp.server.context.RequestContext;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * {@code tasks/update}: delivers {@code inputResponses} to an {@code input_required} task (answers to questions
 * that are not open are ignored) and acknowledges with an empty result; the new state shows on the next
 * {@code tasks/get}. The answer that leaves nothing open runs the work again on this server, for this caller (the
 * task's owner).
 *
 * @see <a href="https://modelcontextprotocol.io/seps/2663-tasks-extension">SEP-2663 Tasks extension</a>
 */
public final class TasksUpdateHandler extends TaskMethodHandler {

    public TasksUpdateHandler(TaskLifecycle tasks) {
        super(tasks);
    }

    @Override
    JsonObject handle(TaskRecord task, RequestContext context) {
        if (!(context.params().get("inputResponses") instanceof JsonObject responses)) {
            throw McpError.invalidParams("Invalid params: inputResponses must be an object");
        }
        tasks().answer(task, responses, context.caller());
        return JsonValue.EMPTY_JSON_OBJECT;
    }
}
