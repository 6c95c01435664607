package dev.portcullis.mcp.server.tasks;

import dev.portcullis.mcp.protocol.wire.Task;
import dev.portcullis.mcp.protocol.wire.Wire;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Everything one task of the tasks extension is, as {@link TaskRecords} keep it: enough for any server sharing the
 * records to answer {@code tasks/get} and to run the work again from the start ({@code toolName},
 * {@code arguments}, the creating request's {@code clientCapabilities} and the {@code answers} gathered so far).
 * Immutable: a change is a new record with the next {@code version}, stored by a conditional
 * {@link TaskRecords#replace}.
 *
 * @param id the {@code taskId}: 128 random bits, base64url
 * @param owner the user who created the task (null on an open endpoint), the only one who may read, update or
 *        cancel it
 * @param answers the client's answers so far, by input request key
 * @param inputRequests the open questions while {@code input_required}: key to {@code {method, params}}
 * @param result the tool result once {@code completed}, else null
 * @param error the JSON-RPC error once {@code failed}, else null
 * @param version how many changes the record has seen; the condition of {@link TaskRecords#replace}
 * @see <a href="https://modelcontextprotocol.io/seps/2663-tasks-extension">SEP-2663 Tasks extension</a>
 */
public record TaskRecord(
        String id,
        String owner,
        Status status,
        Instant createdAt,
        Instant lastUpdatedAt,
        long ttlMs,
        long pollIntervalMs,
        String toolName,
        JsonObject arguments,
        JsonObject clientCapabilities,
        JsonObject answers,
        JsonObject inputRequests,
        JsonObject result,
        JsonObject error,
        long version) {

    /** The task statuses of SEP-2663 and their wire names; the last three are terminal and never change. */
    public enum Status {
        WORKING("working"),
        INPUT_REQUIRED("input_required"),
        COMPLETED("completed"),
        FAILED("failed"),
        CANCELLED("cancelled");

        private final String wire;

        Status(String wire) {
            this.wire = wire;
        }

        /** The name on the wire (and in storage). */
        public String wire() {
            return wire;
        }

        public boolean terminal() {
            return this == COMPLETED || this == FAILED || this == CANCELLED;
        }

        /** The status of a wire name. */
        public static Status ofWire(String wire) {
            for (Status status : values()) {
                if (status.wire.equals(wire)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("Unknown task status: " + wire);
        }
    }

    public TaskRecord {
        Objects.requireNonNull(id, "id cannot be null");
        Objects.requireNonNull(status, "status cannot be null");
        Objects.requireNonNull(toolName, "toolName cannot be null");
        createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
        lastUpdatedAt = lastUpdatedAt.truncatedTo(ChronoUnit.MILLIS);
        arguments = orEmpty(arguments);
        clientCapabilities = orEmpty(clientCapabilities);
        answers = orEmpty(answers);
        inputRequests = orEmpty(inputRequests);
    }

    /** When the task is forgotten: {@code ttlMs} after its creation. */
    public Instant expiresAt() {
        return createdAt.plusMillis(ttlMs);
    }

    /** Whether the task outlived its {@code ttlMs}. */
    public boolean expired(Instant now) {
        return now.isAfter(expiresAt());
    }

    /** This task moved to {@code next} at {@code now}, with the next version. */
    TaskRecord changed(
            Status next,
            Instant now,
            JsonObject nextAnswers,
            JsonObject nextInputRequests,
            JsonObject nextResult,
            JsonObject nextError) {
        return new TaskRecord(
                id,
                owner,
                next,
                createdAt,
                now,
                ttlMs,
                pollIntervalMs,
                toolName,
                arguments,
                clientCapabilities,
                nextAnswers,
                nextInputRequests,
                nextResult,
                nextError,
                version + 1);
    }

    /** The {@code Task} fields: for a {@code CreateTaskResult}, or with {@code detailed} a {@code DetailedTask}. */
    JsonObject toJson(boolean detailed) {
        return Wire.toJson(wire(detailed, null));
    }

    /** The {@code CreateTaskResult} of a {@code tools/call} that created this task: its fields, {@code resultType} task. */
    JsonObject toCreateTaskResult() {
        return Wire.toJson(wire(false, "task"));
    }

    private Task wire(boolean detailed, String resultType) {
        boolean completed = detailed && status == Status.COMPLETED && result != null;
        boolean failed = detailed && !completed && status == Status.FAILED && error != null;
        boolean asking = detailed && !completed && !failed && status == Status.INPUT_REQUIRED;
        return new Task(
                id,
                status.wire,
                createdAt.toString(),
                lastUpdatedAt.toString(),
                ttlMs,
                pollIntervalMs,
                completed ? result : null,
                failed ? error : null,
                asking ? inputRequests : null,
                resultType);
    }

    private static JsonObject orEmpty(JsonObject value) {
        return value == null ? JsonValue.EMPTY_JSON_OBJECT : value;
    }
}
