package dev.portcullis.mcp.server;

import jakarta.json.JsonObject;

/**
 * {@code tasks/get}: the {@code DetailedTask}, with the tool result inlined once completed, the JSON-RPC error once
 * failed, and the open {@code inputRequests} while input is required.
 *
 * @see <a href="https://modelcontextprotocol.io/seps/2663-tasks-extension">SEP-2663 Tasks extension</a>
 */
final class TasksGetHandler extends TaskMethodHandler {

    TasksGetHandler(TaskLifecycle tasks) {
        super(tasks);
    }

    @Override
    JsonObject handle(TaskRecord task, RequestContext context) {
        return task.toJson(true);
    }
}
