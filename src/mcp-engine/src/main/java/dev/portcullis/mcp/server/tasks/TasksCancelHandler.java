package dev.portcullis.mcp.server.tasks;

import dev.portcullis.mcp.server.context.RequestContext;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * {@code tasks/cancel}: a task that is not terminal becomes {@code cancelled} (its work sees it through
 * {@code Cancellation}, on whichever server it runs, within a second);
 * the answer is an empty acknowledgement, also for tasks already terminal.
 *
 * @see <a href="https://modelcontextprotocol.io/seps/2663-tasks-extension">SEP-2663 Tasks extension</a>
 */
public final class TasksCancelHandler extends TaskMethodHandler {

    public TasksCancelHandler(TaskLifecycle tasks) {
        super(tasks);
    }

    @Override
    JsonObject handle(TaskRecord task, RequestContext context) {
        tasks().cancel(task);
        return JsonValue.EMPTY_JSON_OBJECT;
    }
}
