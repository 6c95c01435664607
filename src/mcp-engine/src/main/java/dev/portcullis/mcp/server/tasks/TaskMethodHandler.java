package dev.portcullis.mcp.server.tasks;

import dev.portcullis.mcp.protocol.McpError;
import dev.portcullis.mcp.server.context.RequestContext;
import dev.portcullis.mcp.server.context.RequestHandler;
import jakarta.json.JsonObject;

/**
 * What {@code tasks/get}, {@code tasks/update} and {@code tasks/cancel} share: -32021 unless the request negotiated
 * the tasks extension, and -32602 for a missing or unknown {@code taskId}, or one another user created. The task
 * is read from the {@link TaskRecords}, so it may have been created on another server.
 *
 * @see <a href="https://modelcontextprotocol.io/seps/2663-tasks-extension">SEP-2663 Tasks extension</a>
 */
abstract class TaskMethodHandler implements RequestHandler {

    private final TaskLifecycle tasks;

    TaskMethodHandler(TaskLifecycle tasks) {
        this.tasks = tasks;
    }

    TaskLifecycle tasks() {
        return tasks;
    }

    @Override
    public final JsonObject handle(RequestContext context) {
        if (!TasksExtension.negotiated(context.clientCapabilities())) {
            throw TasksExtension.missing();
        }
        String taskId = context.params().getString("taskId", null);
        if (taskId == null) {
            throw McpError.invalidParams("Invalid params: taskId is required");
        }
        return handle(
                tasks.find(taskId, context.principal())
                        .orElseThrow(() -> McpError.invalidParams("Unknown task: " + taskId)),
                context);
    }

    abstract JsonObject handle(TaskRecord task, RequestContext context);
}
