package dev.portcullis.mcp.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and finds legacy sessions. Ids are 256 random bits from {@link SecureRandom}, base64url-encoded: visible
 * ASCII as T25 requires, and unguessable. Sessions idle longer than the timeout are forgotten, after which their
 * id gets 404 like an ended session. Held in memory: a restarted server answers 404 and clients re-initialize.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management">Session management</a>
 */
public final class SessionStore {

    private final Map<String, McpSession> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Duration idleTimeout;
    private final int maxSessions;
    private final Clock clock;

    public SessionStore(Duration idleTimeout, int maxSessions, Clock clock) {
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout cannot be null");
        this.maxSessions = maxSessions;
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    /** A new session for the negotiated version, nobody's (an open endpoint). */
    public McpSession create(String protocolVersion) {
        return create(protocolVersion, null);
    }

    /** A new session for the negotiated version, bound to {@code owner} (the authenticated user, or null). */
    public McpSession create(String protocolVersion, String owner) {
        if (sessions.size() >= maxSessions) {
            expire();
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        McpSession session = new McpSession(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                protocolVersion, owner, clock.instant());
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with this id; empty for unknown, ended and expired ids. */
    public Optional<McpSession> find(String id) {
        McpSession session = id == null ? null : sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (session.lastUsed().plus(idleTimeout).isBefore(now)) {
            sessions.remove(id);
            session.endStandaloneStream();
            return Optional.empty();
        }
        session.touch(now);
        return Optional.of(session);
    }

    /** Ends a session; true when it existed. */
    public boolean end(String id) {
        McpSession session = id == null ? null : sessions.remove(id);
        if (session != null) {
            session.endStandaloneStream();
        }
        return session != null;
    }

    private void expire() {
        Instant cutoff = clock.instant().minus(idleTimeout);
        sessions.values().removeIf(s -> s.lastUsed().isBefore(cutoff));
    }
}
