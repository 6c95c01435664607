package dev.portcullis.mcp.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * SPI: where legacy sessions are recorded, so that every server sharing the records serves every session: behind a
 * load balancer without stickiness each request of a session may reach another server, which finds the record and
 * carries on (negotiated version, owner, client capabilities, log level, subscriptions). The product keeps them in
 * its database ({@code JpaSessionRecords}); {@link InMemorySessionRecords} serves unit tests and embedding in one JVM.
 * Records are keyed by {@link SessionKeys#of}, never by the session id.
 *
 * <p>What stays with the server a request reached, by nature: the standalone GET stream, the flags that
 * {@code notifications/cancelled} sets on a running request, and the server-to-client requests a running tool
 * awaits (see {@link SessionStore}).
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management">Session management</a>
 */
public interface SessionRecords {

    /** Records a new session (its key is fresh: the id is 256 random bits). */
    void insert(SessionRecord session);

    /** The recorded session, idle or not; empty when unknown or ended. */
    Optional<SessionRecord> find(String key);

    /** Stores what a request changed: the log level and the subscriptions. Nothing when the session is gone. */
    void update(String key, String logLevel, Set<String> subscriptions);

    /** Moves the last use forward (never back). Nothing when the session is gone. */
    void touch(String key, Instant lastUsedAt);

    /** Forgets a session; true for the one caller that removed it (of servers racing to end it, one reports it). */
    boolean delete(String key);

    /** How many sessions are recorded (the total cap). */
    long count();

    /** How many sessions {@code owner} holds (the per-subject cap). */
    long countOwnedBy(String owner);

    /** The session of {@code owner} used least recently (the per-subject cap evicts it). */
    Optional<SessionRecord> leastRecentlyUsed(String owner);

    /** At most {@code max} sessions last used before {@code cutoff} (idle expiry). */
    List<SessionRecord> idleSince(Instant cutoff, int max);
}
