package dev.portcullis.mcp.protocol.wire;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * A task of the tasks extension: the {@code Task} fields of a {@code CreateTaskResult} ({@code resultType}
 * {@code task}) and, with the outcome, a {@code DetailedTask} of {@code tasks/get}. The extension is in neither schema
 * file (SEP-2663), and the 2025-11-25 {@code Task} is a different shape ({@code ttl}, {@code pollInterval}).
 *
 * @param createdAt ISO 8601, milliseconds
 * @param result the tool result once completed, else null
 * @param error the JSON-RPC error once failed, else null
 * @param inputRequests the open questions while input is required
 * @param resultType {@code task} in a {@code CreateTaskResult}, else null
 * @see <a href="https://modelcontextprotocol.io/seps/2663-tasks-extension">SEP-2663 Tasks extension</a>
 */
@JsonbPropertyOrder({
    "taskId",
    "status",
    "createdAt",
    "lastUpdatedAt",
    "ttlMs",
    "pollIntervalMs",
    "result",
    "error",
    "inputRequests",
    "resultType"
})
public record Task(
        String taskId,
        String status,
        String createdAt,
        String lastUpdatedAt,
        long ttlMs,
        long pollIntervalMs,
        JsonObject result,
        JsonObject error,
        JsonObject inputRequests,
        String resultType) {}
