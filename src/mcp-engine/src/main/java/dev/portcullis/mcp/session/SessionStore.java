package dev.portcullis.mcp.session;

import dev.portcullis.mcp.protocol.JsonRpcErrorCodes;
import dev.portcullis.mcp.protocol.McpError;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * Issues and finds legacy sessions. Ids are 256 random bits from {@link SecureRandom}, base64url-encoded: visible
 * ASCII as T25 requires, and unguessable. Every session is recorded in the {@link SessionRecords} under the SHA-256
 * of its id ({@link SessionKeys}), so a server that never saw a session finds it there and serves it: a lookup that
 * misses this server's own sessions rehydrates one from its record (version, owner, client capabilities, log level,
 * subscriptions), and every lookup reads the record, so a session another server ended or expired is gone here too.
 * Sessions idle longer than the timeout are forgotten, after which their id gets 404 like an ended session.
 *
 * <p>The last use is written at most every {@link #touchInterval()} per session (a tenth of the idle timeout, at most
 * 30 s), so a busy session does not write on every request; a session used on another server within that interval
 * may therefore expire up to that much early, never late.
 *
 * <p>Both caps are hard and count the records, so they hold for all servers sharing them (within one server they
 * hold under concurrency too; two servers' concurrent {@code initialize} may each pass the check once). One subject
 * holds at most {@code maxPerSubject} sessions: its next {@code initialize} ends its own least recently used
 * session (a client that lost its session id is never locked out, and nobody can end another subject's sessions). In
 * total at most {@code maxSessions} exist: past it, idle sessions are purged, and if none is idle {@code initialize}
 * is refused with HTTP 503 until one ends or expires. The per-subject cap needs an authenticated subject; on an open
 * endpoint (no subject) only the total applies.
 *
 * <p>Every session the store itself ends is reported to its listener with the reason, once of all servers: {@value
 * #EXPIRED} (idle past the timeout, found so by a lookup, the total cap's purge or {@link #expireIdle()}) or {@value
 * #EVICTED} (its subject's cap). A client's own end ({@link #end}) is the caller's to report.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management">Session management</a>
 */
public final class SessionStore {

    /** The reason of a session that was idle longer than the timeout. */
    public static final String EXPIRED = "expired";
    /** The reason of a session ended for a newer one of the same subject (the per-subject cap). */
    public static final String EVICTED = "evicted";

    private static final Duration MAX_TOUCH_INTERVAL = Duration.ofSeconds(30);
    private static final int SWEEP_BATCH = 500;

    /** The sessions this server has served, by key: its streams, in-flight requests and awaited answers. */
    private final Map<String, McpSession> sessions = new ConcurrentHashMap<>();

    private final SecureRandom random = new SecureRandom();
    private final SessionRecords records;
    private final Duration idleTimeout;
    private final Duration touchInterval;
    private final int maxSessions;
    private final int maxPerSubject;
    private final Clock clock;
    private final BiConsumer<SessionRecord, String> ended;

    /** Only the total cap, sessions in this JVM (tests). */
    public SessionStore(Duration idleTimeout, int maxSessions, Clock clock) {
        this(idleTimeout, maxSessions, maxSessions, clock);
    }

    /** Sessions in this JVM. */
    public SessionStore(Duration idleTimeout, int maxSessions, int maxPerSubject, Clock clock) {
        this(new InMemorySessionRecords(), idleTimeout, maxSessions, maxPerSubject, clock, (session, reason) -> {});
    }

    /** Sessions in this JVM, ends reported to {@code ended}. */
    public SessionStore(
            Duration idleTimeout,
            int maxSessions,
            int maxPerSubject,
            Clock clock,
            BiConsumer<SessionRecord, String> ended) {
        this(new InMemorySessionRecords(), idleTimeout, maxSessions, maxPerSubject, clock, ended);
    }

    /**
     * @param records where sessions are recorded: servers behind one load balancer must share them
     * @param ended hears every session the store ends itself, with {@link #EXPIRED} or {@link #EVICTED}
     */
    public SessionStore(
            SessionRecords records,
            Duration idleTimeout,
            int maxSessions,
            int maxPerSubject,
            Clock clock,
            BiConsumer<SessionRecord, String> ended) {
        this.records = Objects.requireNonNull(records, "records cannot be null");
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout cannot be null");
        Duration tenth = idleTimeout.dividedBy(10);
        this.touchInterval = tenth.compareTo(MAX_TOUCH_INTERVAL) < 0 ? tenth : MAX_TOUCH_INTERVAL;
        this.maxSessions = maxSessions;
        this.maxPerSubject = maxPerSubject;
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
        this.ended = Objects.requireNonNull(ended, "ended cannot be null");
    }

    /** A new session for the negotiated version, nobody's (an open endpoint). */
    public McpSession create(String protocolVersion) {
        return create(protocolVersion, null, null);
    }

    /** A new session bound to {@code owner}, without client capabilities. */
    public McpSession create(String protocolVersion, String owner) {
        return create(protocolVersion, owner, null);
    }

    /**
     * A new session for the negotiated version, bound to {@code owner} (the authenticated user, or null), with what
     * the client declared; throws an {@link McpError} with HTTP 503 when the total cap is reached and no session is
     * idle.
     */
    public McpSession create(String protocolVersion, String owner, JsonObject clientCapabilities) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        Instant now = clock.instant();
        McpSession session = new McpSession(
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), protocolVersion, owner, now);
        session.clientCapabilities(clientCapabilities);
        synchronized (this) { // initialize is rare next to other requests; the caps must hold under concurrency
            if (owner != null) {
                writeUses(owner);
                for (int i = 0; i <= maxPerSubject && records.countOwnedBy(owner) >= maxPerSubject; i++) {
                    records.leastRecentlyUsed(owner).ifPresent(oldest -> remove(oldest, EVICTED));
                }
            }
            if (records.count() >= maxSessions) {
                expireIdle();
            }
            if (records.count() >= maxSessions) {
                throw new McpError(
                        JsonRpcErrorCodes.TOO_MANY_SESSIONS,
                        "The server holds as many sessions as it may; retry later",
                        null,
                        503);
            }
            records.insert(new SessionRecord(
                    session.key(), protocolVersion, owner, session.clientCapabilities(), null, null, now, now));
            held(session);
        }
        return session;
    }

    /** How many sessions exist now, on all servers sharing the records. */
    public int size() {
        return (int) Math.min(Integer.MAX_VALUE, records.count());
    }

    /** How often at most a session's last use is written. */
    public Duration touchInterval() {
        return touchInterval;
    }

    /**
     * The live session with this id, this server's or rehydrated from its record; empty for unknown, ended and
     * expired ids. The caller checks the owner ({@link McpSession#belongsTo}).
     */
    public Optional<McpSession> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        String key = SessionKeys.of(id);
        Optional<SessionRecord> found = records.find(key);
        if (found.isEmpty()) {
            forget(key); // ended or expired on another server
            return Optional.empty();
        }
        SessionRecord record = found.get();
        McpSession local = sessions.get(key);
        Instant now = clock.instant();
        Instant lastUsed =
                local != null && local.lastUsed().isAfter(record.lastUsedAt()) ? local.lastUsed() : record.lastUsedAt();
        if (lastUsed.plus(idleTimeout).isBefore(now)) {
            remove(record, EXPIRED);
            return Optional.empty();
        }
        McpSession session = local != null ? local : rehydrate(id, record);
        session.refresh(record);
        session.touch(now);
        if (!record.lastUsedAt().plus(touchInterval).isAfter(now)) {
            records.touch(key, now);
            session.recordedUse(now);
        } else {
            session.recordedUse(record.lastUsedAt());
        }
        return Optional.of(session);
    }

    /** Ends a session on every server; true when it existed. */
    public boolean end(String id) {
        if (id == null || id.isEmpty()) {
            return false;
        }
        String key = SessionKeys.of(id);
        forget(key);
        return records.delete(key);
    }

    /**
     * Ends every session idle longer than the timeout, reporting each as {@link #EXPIRED}; run now and then on every
     * server, so sessions nobody asks for again are forgotten (and recorded) too. First writes this server's latest
     * uses, refreshes its sessions from their records and forgets those another server ended. A session only another
     * server used is judged with one {@link #touchInterval()} of slack (its last use may not be written yet). Returns
     * how many ended.
     */
    public int expireIdle() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(idleTimeout);
        for (McpSession session : sessions.values()) {
            Optional<SessionRecord> record = records.find(session.key());
            if (record.isEmpty()) {
                forget(session.key());
            } else {
                if (session.lastUsed().isAfter(record.get().lastUsedAt())) {
                    records.touch(session.key(), session.lastUsed());
                    session.recordedUse(session.lastUsed());
                }
                session.refresh(record.get());
            }
        }
        int count = 0;
        for (SessionRecord idle : records.idleSince(cutoff, SWEEP_BATCH)) {
            McpSession local = sessions.get(idle.key());
            boolean expired = local != null
                    ? local.lastUsed().isBefore(cutoff)
                    : idle.lastUsedAt().isBefore(cutoff.minus(touchInterval));
            if (expired && remove(idle, EXPIRED)) {
                count++;
            }
        }
        return count;
    }

    /** Writes this server's unwritten uses of {@code owner}'s sessions, so that the cap evicts the right one. */
    private void writeUses(String owner) {
        for (McpSession session : sessions.values()) {
            if (owner.equals(session.owner()) && session.lastUsed().isAfter(session.recordedUse())) {
                records.touch(session.key(), session.lastUsed());
                session.recordedUse(session.lastUsed());
            }
        }
    }

    private McpSession rehydrate(String id, SessionRecord record) {
        McpSession session = new McpSession(id, record.protocolVersion(), record.owner(), record.lastUsedAt());
        session.clientCapabilities(record.clientCapabilities());
        McpSession raced = sessions.putIfAbsent(record.key(), session);
        if (raced != null) {
            return raced;
        }
        session.onChange(this::written);
        return session;
    }

    private void held(McpSession session) {
        session.onChange(this::written);
        sessions.put(session.key(), session);
    }

    private void written(McpSession session) {
        records.update(session.key(), session.logLevel(), session.subscriptions());
    }

    /** Drops this server's copy (its stream ends); the record is someone else's to remove. */
    private void forget(String key) {
        McpSession session = sessions.remove(key);
        if (session != null) {
            session.endStandaloneStream();
        }
    }

    /** Ends a session the store ends itself and reports it, once of all servers: a concurrent lookup may race. */
    private boolean remove(SessionRecord record, String reason) {
        forget(record.key());
        if (!records.delete(record.key())) {
            return false;
        }
        try {
            ended.accept(record, reason);
        } catch (RuntimeException e) {
            Logger.getLogger(SessionStore.class.getName()).warning("A session listener failed: " + e);
        }
        return true;
    }
}
