package dev.portcullis.persistence;

import dev.portcullis.json.Jsons;
import dev.portcullis.mcp.session.SessionRecord;
import dev.portcullis.mcp.session.SessionRecords;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The MCP engine's {@link SessionRecords} on the application database (table {@code MCP_SESSION}), so that every
 * server of a cluster serves every legacy session. Each write commits in its own transaction before the request goes
 * on (the next request of the session may already be on another server); the end of a session is one {@code DELETE}
 * whose count tells the one server that removed it, which alone reports it. The second-level cache is off
 * (persistence.xml): reads see other servers' writes.
 */
@Stateless
public class JpaSessionRecords implements SessionRecords {

    /** A key is 64 hex digits ({@code SessionKeys}); anything else is no session. */
    private static final int KEY_LENGTH = 64;

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void insert(SessionRecord session) {
        em.persist(new McpSessionEntity(
                session.key(),
                session.protocolVersion(),
                session.owner(),
                session.clientCapabilities().toString(),
                session.logLevel(),
                text(session.subscriptions()),
                session.createdAt(),
                session.lastUsedAt()));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<SessionRecord> find(String key) {
        if (!wellFormed(key)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(McpSessionEntity.class, key)).map(JpaSessionRecords::record);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void update(String key, String logLevel, Set<String> subscriptions) {
        em.createNamedQuery(McpSessionEntity.UPDATE)
                .setParameter("logLevel", logLevel)
                .setParameter("subscriptions", text(subscriptions))
                .setParameter("key", key)
                .executeUpdate();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void touch(String key, Instant lastUsedAt) {
        em.createNamedQuery(McpSessionEntity.TOUCH)
                .setParameter("at", lastUsedAt)
                .setParameter("key", key)
                .executeUpdate();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean delete(String key) {
        return wellFormed(key)
                && em.createNamedQuery(McpSessionEntity.DELETE)
                                .setParameter("key", key)
                                .executeUpdate()
                        == 1;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long count() {
        return em.createNamedQuery(McpSessionEntity.COUNT, Long.class).getSingleResult();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long countOwnedBy(String owner) {
        return em.createNamedQuery(McpSessionEntity.COUNT_OWNED, Long.class)
                .setParameter("owner", owner)
                .getSingleResult();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<SessionRecord> leastRecentlyUsed(String owner) {
        return em.createNamedQuery(McpSessionEntity.OWNED_BY_LAST_USE, McpSessionEntity.class)
                .setParameter("owner", owner)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(JpaSessionRecords::record);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<SessionRecord> idleSince(Instant cutoff, int max) {
        return em.createNamedQuery(McpSessionEntity.IDLE, McpSessionEntity.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(max)
                .getResultStream()
                .map(JpaSessionRecords::record)
                .toList();
    }

    private static boolean wellFormed(String key) {
        return key != null && key.length() == KEY_LENGTH;
    }

    private static SessionRecord record(McpSessionEntity row) {
        return new SessionRecord(
                row.getSessionKey(),
                row.getProtocolVersion(),
                row.getOwner(),
                read(row.getClientCapabilities()) instanceof JsonObject object ? object : null,
                row.getLogLevel(),
                uris(read(row.getSubscriptions())),
                row.getCreatedAt(),
                row.getLastUsedAt());
    }

    /** The subscriptions as a JSON array, sorted (one text for one set). */
    private static String text(Set<String> subscriptions) {
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        new TreeSet<>(subscriptions).forEach(array::add);
        return array.build().toString();
    }

    private static Set<String> uris(JsonValue value) {
        Set<String> uris = new LinkedHashSet<>();
        if (value instanceof JsonArray array) {
            for (JsonValue uri : array) {
                if (uri instanceof JsonString string) {
                    uris.add(string.getString());
                }
            }
        }
        return uris;
    }

    private static JsonValue read(String text) {
        try (JsonReader reader = Jsons.PROVIDER.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
