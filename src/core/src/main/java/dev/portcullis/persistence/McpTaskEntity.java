package dev.portcullis.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One task of the MCP tasks extension (migration V85), shared by the servers on this database. The JSON columns
 * hold JSON text, the literal {@code null} for an absent result or error. Changes go through {@link #REPLACE}: an
 * update conditional on the version and a status that is not terminal.
 */
@Entity
@Table(name = "MCP_TASK")
@NamedQuery(
        name = McpTaskEntity.REPLACE,
        query = "UPDATE McpTaskEntity t SET t.status = :status,"
                + " t.lastUpdatedAt = :lastUpdatedAt, t.answers = :answers, t.inputRequests = :inputRequests,"
                + " t.result = :result, t.error = :error, t.version = :nextVersion"
                + " WHERE t.taskId = :taskId AND t.version = :expectedVersion AND t.status IN :open")
@NamedQuery(name = McpTaskEntity.DELETE_EXPIRED, query = "DELETE FROM McpTaskEntity t WHERE t.expiresAt < :before")
public class McpTaskEntity {

    public static final String REPLACE = "McpTaskEntity.replace";
    public static final String DELETE_EXPIRED = "McpTaskEntity.deleteExpired";

    @Id
    @Column(name = "TASK_ID", length = 64)
    private String taskId;

    @Column(name = "OWNER_NAME", length = 512)
    private String owner;

    @Column(name = "STATUS", nullable = false, length = 20)
    private String status;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "LAST_UPDATED_AT", nullable = false)
    private Instant lastUpdatedAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    @Column(name = "TTL_MS", nullable = false)
    private long ttlMs;

    @Column(name = "POLL_INTERVAL_MS", nullable = false)
    private long pollIntervalMs;

    @Column(name = "TOOL_NAME", nullable = false, length = 256)
    private String toolName;

    @Lob
    @Column(name = "ARGUMENTS", nullable = false)
    private String arguments;

    @Lob
    @Column(name = "CLIENT_CAPABILITIES", nullable = false)
    private String clientCapabilities;

    @Lob
    @Column(name = "ANSWERS", nullable = false)
    private String answers;

    @Lob
    @Column(name = "INPUT_REQUESTS", nullable = false)
    private String inputRequests;

    @Lob
    @Column(name = "TOOL_RESULT", nullable = false)
    private String result;

    @Lob
    @Column(name = "JSONRPC_ERROR", nullable = false)
    private String error;

    @Column(name = "VERSION", nullable = false)
    private long version;

    protected McpTaskEntity() {
        // for JPA
    }

    @SuppressWarnings("java:S107") // one column each
    public McpTaskEntity(
            String taskId,
            String owner,
            String status,
            Instant createdAt,
            Instant lastUpdatedAt,
            Instant expiresAt,
            long ttlMs,
            long pollIntervalMs,
            String toolName,
            String arguments,
            String clientCapabilities,
            String answers,
            String inputRequests,
            String result,
            String error,
            long version) {
        this.taskId = taskId;
        this.owner = owner;
        this.status = status;
        this.createdAt = createdAt;
        this.lastUpdatedAt = lastUpdatedAt;
        this.expiresAt = expiresAt;
        this.ttlMs = ttlMs;
        this.pollIntervalMs = pollIntervalMs;
        this.toolName = toolName;
        this.arguments = arguments;
        this.clientCapabilities = clientCapabilities;
        this.answers = answers;
        this.inputRequests = inputRequests;
        this.result = result;
        this.error = error;
        this.version = version;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getOwner() {
        return owner;
    }

    public String getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUpdatedAt() {
        return lastUpdatedAt;
    }

    public long getTtlMs() {
        return ttlMs;
    }

    public long getPollIntervalMs() {
        return pollIntervalMs;
    }

    public String getToolName() {
        return toolName;
    }

    public String getArguments() {
        return arguments;
    }

    public String getClientCapabilities() {
        return clientCapabilities;
    }

    public String getAnswers() {
        return answers;
    }

    public String getInputRequests() {
        return inputRequests;
    }

    public String getResult() {
        return result;
    }

    public String getError() {
        return error;
    }

    public long getVersion() {
        return version;
    }
}
