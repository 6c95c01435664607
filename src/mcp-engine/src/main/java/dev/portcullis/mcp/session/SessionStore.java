package dev.portcullis.mcp.session;

import dev.portcullis.mcp.protocol.JsonRpcErrorCodes;
import dev.portcullis.mcp.protocol.McpError;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * Issues and finds legacy sessions. Ids are 256 random bits from {@link SecureRandom}, base64url-encoded: visible
 * ASCII as T25 requires, and unguessable. Sessions idle longer than the timeout are forgotten, after which their
 * id gets 404 like an ended session. Held in memory: a restarted server answers 404 and clients re-initialize.
 *
 * <p>Both caps are hard. One subject holds at most {@code maxPerSubject} sessions: its next {@code initialize} ends
 * its own least recently used session (a client that lost its session id is never locked out, and nobody can end
 * another subject's sessions). In total at most {@code maxSessions} exist: past it, idle sessions are purged, and
 * if none is idle {@code initialize} is refused with HTTP 503 until one ends or expires. The per-subject cap needs
 * an authenticated subject; on an open endpoint (no subject) only the total applies.
 *
 * <p>Every session the store itself ends is reported to its listener with the reason: {@value #EXPIRED} (idle past
 * the timeout, found so by a lookup, the total cap's purge or {@link #expireIdle()}) or {@value #EVICTED} (its
 * subject's cap). A client's own end ({@link #end}) is the caller's to report.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management">Session management</a>
 */
public final class SessionStore {

    /** The reason of a session that was idle longer than the timeout. */
    public static final String EXPIRED = "expired";
    /** The reason of a session ended for a newer one of the same subject (the per-subject cap). */
    public static final String EVICTED = "evicted";

    private final Map<String, McpSession> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Duration idleTimeout;
    private final int maxSessions;
    private final int maxPerSubject;
    private final Clock clock;
    private final BiConsumer<McpSession, String> ended;

    /** Only the total cap (tests). */
    public SessionStore(Duration idleTimeout, int maxSessions, Clock clock) {
        this(idleTimeout, maxSessions, maxSessions, clock);
    }

    public SessionStore(Duration idleTimeout, int maxSessions, int maxPerSubject, Clock clock) {
        this(idleTimeout, maxSessions, maxPerSubject, clock, (session, reason) -> {});
    }

    /** @param ended hears every session the store ends itself, with {@link #EXPIRED} or {@link #EVICTED} */
    public SessionStore(
            Duration idleTimeout,
            int maxSessions,
            int maxPerSubject,
            Clock clock,
            BiConsumer<McpSession, String> ended) {
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout cannot be null");
        this.maxSessions = maxSessions;
        this.maxPerSubject = maxPerSubject;
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
        this.ended = Objects.requireNonNull(ended, "ended cannot be null");
    }

    /** A new session for the negotiated version, nobody's (an open endpoint). */
    public McpSession create(String protocolVersion) {
        return create(protocolVersion, null);
    }

    /**
     * A new session for the negotiated version, bound to {@code owner} (the authenticated user, or null); throws an
     * {@link McpError} with HTTP 503 when the total cap is reached and no session is idle.
     */
    public McpSession create(String protocolVersion, String owner) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        McpSession session = new McpSession(
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), protocolVersion, owner, clock.instant());
        synchronized (this) { // initialize is rare next to other requests; the caps must hold under concurrency
            if (owner != null) {
                while (sessions.values().stream()
                                .filter(s -> owner.equals(s.owner()))
                                .count()
                        >= maxPerSubject) {
                    sessions.values().stream()
                            .filter(s -> owner.equals(s.owner()))
                            .min(Comparator.comparing(McpSession::lastUsed))
                            .ifPresent(oldest -> remove(oldest.id(), EVICTED));
                }
            }
            if (sessions.size() >= maxSessions) {
                expireIdle();
            }
            if (sessions.size() >= maxSessions) {
                throw new McpError(
                        JsonRpcErrorCodes.TOO_MANY_SESSIONS,
                        "The server holds as many sessions as it may; retry later",
                        null,
                        503);
            }
            sessions.put(session.id(), session);
        }
        return session;
    }

    /** How many sessions exist now. */
    public int size() {
        return sessions.size();
    }

    /** The live session with this id; empty for unknown, ended and expired ids. */
    public Optional<McpSession> find(String id) {
        McpSession session = id == null ? null : sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (session.lastUsed().plus(idleTimeout).isBefore(now)) {
            remove(id, EXPIRED);
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

    /**
     * Ends every session idle longer than the timeout, reporting each as {@link #EXPIRED}; run now and then, so
     * sessions nobody asks for again are forgotten (and recorded) too. Returns how many ended.
     */
    public int expireIdle() {
        Instant cutoff = clock.instant().minus(idleTimeout);
        int count = 0;
        for (McpSession session : sessions.values()) {
            if (session.lastUsed().isBefore(cutoff) && remove(session.id(), EXPIRED)) {
                count++;
            }
        }
        return count;
    }

    /** Removes a session the store ends itself and reports it, once: a concurrent lookup may race to it. */
    private boolean remove(String id, String reason) {
        McpSession session = sessions.remove(id);
        if (session == null) {
            return false;
        }
        session.endStandaloneStream();
        try {
            ended.accept(session, reason);
        } catch (RuntimeException e) {
            Logger.getLogger(SessionStore.class.getName()).warning("A session listener failed: " + e);
        }
        return true;
    }
}
