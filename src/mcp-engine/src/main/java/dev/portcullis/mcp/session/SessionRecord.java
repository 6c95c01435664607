package dev.portcullis.mcp.session;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Everything of one legacy session that {@link SessionRecords} keep, so that any server sharing them can serve it:
 * what {@code initialize} negotiated and whose it is, plus what later requests set. The session id itself is not
 * here, only its {@linkplain SessionKeys#of SHA-256}: a reader of the records cannot present a session.
 *
 * @param key the SHA-256 of the session id, hex ({@link SessionKeys#of})
 * @param owner the subject that opened it; null on an open endpoint
 * @param clientCapabilities what the client declared in {@code initialize}
 * @param logLevel the level {@code logging/setLevel} set, or null
 * @param subscriptions the URIs of {@code resources/subscribe}
 * @param lastUsedAt when a request last used it (written at most every {@link SessionStore#touchInterval})
 */
public record SessionRecord(
        String key,
        String protocolVersion,
        String owner,
        JsonObject clientCapabilities,
        String logLevel,
        Set<String> subscriptions,
        Instant createdAt,
        Instant lastUsedAt) {

    public SessionRecord {
        Objects.requireNonNull(key, "key cannot be null");
        Objects.requireNonNull(protocolVersion, "protocolVersion cannot be null");
        clientCapabilities = clientCapabilities == null ? JsonValue.EMPTY_JSON_OBJECT : clientCapabilities;
        subscriptions = subscriptions == null ? Set.of() : Set.copyOf(subscriptions);
        Objects.requireNonNull(createdAt, "createdAt cannot be null");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt cannot be null");
    }

    /** This record with another last use. */
    public SessionRecord touched(Instant at) {
        return new SessionRecord(
                key, protocolVersion, owner, clientCapabilities, logLevel, subscriptions, createdAt, at);
    }

    /** This record with another log level and subscriptions. */
    public SessionRecord changed(String level, Set<String> subscribed) {
        return new SessionRecord(
                key, protocolVersion, owner, clientCapabilities, level, subscribed, createdAt, lastUsedAt);
    }
}
