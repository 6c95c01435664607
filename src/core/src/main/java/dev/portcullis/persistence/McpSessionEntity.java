package dev.portcullis.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One legacy MCP session (migration V87), shared by the servers on this database, under the SHA-256 of its id. The
 * JSON columns hold the client capabilities (an object) and the subscriptions (an array of URIs).
 */
@Entity
@Table(name = "MCP_SESSION")
@NamedQuery(
        name = McpSessionEntity.UPDATE,
        query = "UPDATE McpSessionEntity s SET s.logLevel = :logLevel, s.subscriptions = :subscriptions"
                + " WHERE s.sessionKey = :key")
@NamedQuery(
        name = McpSessionEntity.TOUCH,
        query = "UPDATE McpSessionEntity s SET s.lastUsedAt = :at WHERE s.sessionKey = :key AND s.lastUsedAt < :at")
@NamedQuery(name = McpSessionEntity.DELETE, query = "DELETE FROM McpSessionEntity s WHERE s.sessionKey = :key")
@NamedQuery(name = McpSessionEntity.COUNT, query = "SELECT COUNT(s) FROM McpSessionEntity s")
@NamedQuery(
        name = McpSessionEntity.COUNT_OWNED,
        query = "SELECT COUNT(s) FROM McpSessionEntity s WHERE s.owner = :owner")
@NamedQuery(
        name = McpSessionEntity.OWNED_BY_LAST_USE,
        query = "SELECT s FROM McpSessionEntity s WHERE s.owner = :owner ORDER BY s.lastUsedAt, s.sessionKey")
@NamedQuery(
        name = McpSessionEntity.IDLE,
        query = "SELECT s FROM McpSessionEntity s WHERE s.lastUsedAt < :cutoff ORDER BY s.lastUsedAt")
public class McpSessionEntity {

    public static final String UPDATE = "McpSessionEntity.update";
    public static final String TOUCH = "McpSessionEntity.touch";
    public static final String DELETE = "McpSessionEntity.delete";
    public static final String COUNT = "McpSessionEntity.count";
    public static final String COUNT_OWNED = "McpSessionEntity.countOwned";
    public static final String OWNED_BY_LAST_USE = "McpSessionEntity.ownedByLastUse";
    public static final String IDLE = "McpSessionEntity.idle";

    @Id
    @Column(name = "SESSION_KEY", length = 64)
    private String sessionKey;

    @Column(name = "PROTOCOL_VERSION", nullable = false, length = 32)
    private String protocolVersion;

    @Column(name = "OWNER_NAME", length = 512)
    private String owner;

    @Lob
    @Column(name = "CLIENT_CAPABILITIES", nullable = false)
    private String clientCapabilities;

    @Column(name = "LOG_LEVEL", length = 16)
    private String logLevel;

    @Lob
    @Column(name = "SUBSCRIPTIONS", nullable = false)
    private String subscriptions;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "LAST_USED_AT", nullable = false)
    private Instant lastUsedAt;

    protected McpSessionEntity() {
        // for JPA
    }

    @SuppressWarnings("java:S107") // one column each
    public McpSessionEntity(
            String sessionKey,
            String protocolVersion,
            String owner,
            String clientCapabilities,
            String logLevel,
            String subscriptions,
            Instant createdAt,
            Instant lastUsedAt) {
        this.sessionKey = sessionKey;
        this.protocolVersion = protocolVersion;
        this.owner = owner;
        this.clientCapabilities = clientCapabilities;
        this.logLevel = logLevel;
        this.subscriptions = subscriptions;
        this.createdAt = createdAt;
        this.lastUsedAt = lastUsedAt;
    }

    public String getSessionKey() {
        return sessionKey;
    }

    public String getProtocolVersion() {
        return protocolVersion;
    }

    public String getOwner() {
        return owner;
    }

    public String getClientCapabilities() {
        return clientCapabilities;
    }

    public String getLogLevel() {
        return logLevel;
    }

    public String getSubscriptions() {
        return subscriptions;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }
}
