package dev.portcullis.mcp.server;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * {@code tasks/cancel}: a task that is not terminal becomes {@code cancelled} (its work sees it through
 * {@code Cancellation}); the answer is an empty acknowledgement, also for tasks already terminal.
 *
 * @see <a href="https://modelcontextprotocol.io/seps/2663-tasks-extension">SEP-2663 Tasks extension</a>
 */
final class TasksCancelHandler extends TaskMethodHandler {

    private final java.time.Clock clock;

    TasksCancelHandler(TaskStore tasks, java.time.Clock clock) {
        super(tasks);
        this.clock = clock;
    }

    @Override
    JsonObject handle(Task task, RequestContext context) {
        task.cancel(clock.instant());
        return JsonValue.EMPTY_JSON_OBJECT;
    }
}
