package dev.portcullis.mcp.server.tasks;

import dev.portcullis.mcp.server.context.RequestContext;
import jakarta.json.JsonObject;

/**
 * {@code tasks/get}: the {@code DetailedTask}, with the tool result inlined once completed, the JSON-RPC error once
 * failed, and the open {@code inputRequests} while input is required.
 *
 * @see <a href="https://modelcontextprotocol.io/seps/2663-tasks-extension">SEP-2663 Tasks extension</a>
 */
public final class TasksGetHandler extends TaskMethodHandler {

    public TasksGetHandler(TaskLifecycle tasks) {
        super(tasks);
    }

    @Override
    JsonObject handle(TaskRecord task, RequestContext context) {
        return task.toJson(true);
    }
}
