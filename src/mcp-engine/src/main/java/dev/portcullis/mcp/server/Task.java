package dev.portcullis.mcp.server;

import dev.portcullis.mcp.protocol.Jsons;
import dev.portcullis.mcp.api.ClientRequests;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One task of the tasks extension: its status ({@code working}, {@code input_required}, {@code completed},
 * {@code failed}, {@code cancelled}), the inlined result or error once terminal, and the questions still open with
 * the answers gathered so far. Terminal states never change. Thread-safe.
 *
 * @see <a href="https://modelcontextprotocol.io/seps/2663-tasks-extension">SEP-2663 Tasks extension</a>
 */
final class Task {

    enum Status {
        WORKING("working"), INPUT_REQUIRED("input_required"), COMPLETED("completed"), FAILED("failed"),
        CANCELLED("cancelled");

        private final String wire;

        Status(String wire) {
            this.wire = wire;
        }

        boolean terminal() {
            return this == COMPLETED || this == FAILED || this == CANCELLED;
        }
    }

    private final String id;
    private final Instant createdAt;
    private final long ttlMs;
    private final long pollIntervalMs;
    private final Map<String, JsonObject> answers = new LinkedHashMap<>();
    private final Map<String, ClientRequests.Request> pending = new LinkedHashMap<>();
    private Status status = Status.WORKING;
    private Instant lastUpdatedAt;
    private JsonObject result;
    private JsonObject error;

    Task(String id, Instant now, long ttlMs, long pollIntervalMs, Map<String, JsonObject> answers) {
        this.id = id;
        this.createdAt = now.truncatedTo(ChronoUnit.MILLIS);
        this.lastUpdatedAt = createdAt;
        this.ttlMs = ttlMs;
        this.pollIntervalMs = pollIntervalMs;
        this.answers.putAll(answers);
    }

    String id() {
        return id;
    }

    synchronized Status status() {
        return status;
    }

    synchronized boolean cancelled() {
        return status == Status.CANCELLED;
    }

    /** Whether the task outlived its {@code ttlMs}, counted from creation. */
    boolean expired(Instant now) {
        return now.isAfter(createdAt.plusMillis(ttlMs));
    }

    synchronized Map<String, JsonObject> answers() {
        return Map.copyOf(answers);
    }

    synchronized void complete(JsonObject toolResult, Instant now) {
        settle(Status.COMPLETED, now);
        if (status == Status.COMPLETED) {
            result = toolResult;
        }
    }

    synchronized void fail(JsonObject jsonRpcError, Instant now) {
        settle(Status.FAILED, now);
        if (status == Status.FAILED) {
            error = jsonRpcError;
        }
    }

    synchronized void cancel(Instant now) {
        settle(Status.CANCELLED, now);
    }

    /** Parks the task until the client answers {@code requests} through {@code tasks/update}. */
    synchronized void awaitInput(Map<String, ClientRequests.Request> requests, Instant now) {
        if (!status.terminal()) {
            pending.clear();
            pending.putAll(requests);
            status = Status.INPUT_REQUIRED;
            lastUpdatedAt = now;
        }
    }

    /**
     * Takes the answers to open questions (others are ignored); returns true when the last open question was
     * answered, so the task is working again and must run.
     */
    synchronized boolean answer(JsonObject inputResponses, Instant now) {
        if (status != Status.INPUT_REQUIRED) {
            return false;
        }
        inputResponses.forEach((key, value) -> {
            if (pending.containsKey(key) && value instanceof JsonObject answer) {
                pending.remove(key);
                answers.put(key, answer);
            }
        });
        lastUpdatedAt = now;
        if (pending.isEmpty()) {
            status = Status.WORKING;
            return true;
        }
        return false;
    }

    private void settle(Status terminal, Instant now) {
        if (!status.terminal()) {
            status = terminal;
            pending.clear();
            lastUpdatedAt = now;
        }
    }

    /** The {@code Task} fields: for a {@code CreateTaskResult}, or with {@code detailed} a {@code DetailedTask}. */
    synchronized JsonObject toJson(boolean detailed) {
        JsonObjectBuilder task = Jsons.PROVIDER.createObjectBuilder().add("taskId", id).add("status", status.wire)
                .add("createdAt", createdAt.toString()).add("lastUpdatedAt", lastUpdatedAt.toString())
                .add("ttlMs", ttlMs).add("pollIntervalMs", pollIntervalMs);
        if (!detailed) {
            return task.build();
        }
        if (status == Status.COMPLETED) {
            task.add("result", result);
        } else if (status == Status.FAILED) {
            task.add("error", error);
        } else if (status == Status.INPUT_REQUIRED) {
            JsonObjectBuilder requests = Jsons.PROVIDER.createObjectBuilder();
            pending.forEach((key, request) -> requests.add(key, Jsons.PROVIDER.createObjectBuilder()
                    .add("method", request.method()).add("params", request.params())));
            task.add("inputRequests", requests);
        }
        return task.build();
    }
}
