package dev.portcullis.persistence;

import dev.portcullis.json.Jsons;
import dev.portcullis.mcp.server.tasks.TaskRecord;
import dev.portcullis.mcp.server.tasks.TaskRecords;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The MCP engine's {@link TaskRecords} on the application database (table {@code MCP_TASK}), so that every server
 * of a cluster serves every task. Each write commits in its own transaction before the engine goes on (a task's
 * work, started right after its creation, reads it); a change is one {@code UPDATE ... WHERE VERSION = ? AND STATUS
 * IN ('working', 'input_required')}, so of two servers changing one task the first writer wins and a terminal
 * status is never overwritten. The second-level cache is off (persistence.xml): reads see other servers' writes.
 */
@Stateless
public class JpaTaskRecords implements TaskRecords {

    private static final List<String> OPEN =
            List.of(TaskRecord.Status.WORKING.wire(), TaskRecord.Status.INPUT_REQUIRED.wire());

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void insert(TaskRecord task) {
        em.persist(new McpTaskEntity(
                task.id(),
                task.owner(),
                task.status().wire(),
                task.createdAt(),
                task.lastUpdatedAt(),
                task.expiresAt(),
                task.ttlMs(),
                task.pollIntervalMs(),
                task.toolName(),
                text(task.arguments()),
                text(task.clientCapabilities()),
                text(task.answers()),
                text(task.inputRequests()),
                text(task.result()),
                text(task.error()),
                task.version()));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<TaskRecord> find(String taskId) {
        if (taskId == null || taskId.length() > 64) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(McpTaskEntity.class, taskId)).map(JpaTaskRecords::record);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean replace(long expectedVersion, TaskRecord next) {
        return em.createNamedQuery(McpTaskEntity.REPLACE)
                        .setParameter("status", next.status().wire())
                        .setParameter("lastUpdatedAt", next.lastUpdatedAt())
                        .setParameter("answers", text(next.answers()))
                        .setParameter("inputRequests", text(next.inputRequests()))
                        .setParameter("result", text(next.result()))
                        .setParameter("error", text(next.error()))
                        .setParameter("nextVersion", next.version())
                        .setParameter("taskId", next.id())
                        .setParameter("expectedVersion", expectedVersion)
                        .setParameter("open", OPEN)
                        .executeUpdate()
                == 1;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void delete(String taskId) {
        McpTaskEntity task = taskId == null ? null : em.find(McpTaskEntity.class, taskId);
        if (task != null) {
            em.remove(task);
        }
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deleteExpired(Instant now) {
        return em.createNamedQuery(McpTaskEntity.DELETE_EXPIRED)
                .setParameter("before", now)
                .executeUpdate();
    }

    private static TaskRecord record(McpTaskEntity row) {
        return new TaskRecord(
                row.getTaskId(),
                row.getOwner(),
                TaskRecord.Status.ofWire(row.getStatus()),
                row.getCreatedAt(),
                row.getLastUpdatedAt(),
                row.getTtlMs(),
                row.getPollIntervalMs(),
                row.getToolName(),
                json(row.getArguments()),
                json(row.getClientCapabilities()),
                json(row.getAnswers()),
                json(row.getInputRequests()),
                json(row.getResult()),
                json(row.getError()),
                row.getVersion());
    }

    /** JSON text; the literal {@code null} for an absent value (the columns are NOT NULL). */
    private static String text(JsonObject value) {
        return value == null ? JsonValue.NULL.toString() : value.toString();
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Jsons.PROVIDER.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : null;
        }
    }
}
