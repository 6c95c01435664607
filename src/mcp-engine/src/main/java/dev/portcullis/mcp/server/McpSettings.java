package dev.portcullis.mcp.server;

import dev.portcullis.mcp.server.input.RequestStateKeys;
import java.time.Duration;

/**
 * Tunables of the protocol engine.
 *
 * @param pageSize items per page of the list methods
 * @param ttlMs the {@code ttlMs} on cacheable modern results (CACHE26)
 * @param cacheScope {@code public} or {@code private}; private because lists may come to depend on authorization
 * @param sessionIdleTimeout how long an unused legacy session lives
 * @param maxSessions how many legacy sessions may exist at once (a hard cap: past it, initialize is refused)
 * @param maxSessionsPerSubject how many legacy sessions one authenticated subject may hold (its next initialize
 *        ends its least recently used one)
 * @param requestStateKey the HMAC key protecting {@code requestState} (at least 32 bytes); servers behind one load
 *        balancer must share it
 */
public record McpSettings(
        int pageSize,
        long ttlMs,
        String cacheScope,
        Duration sessionIdleTimeout,
        int maxSessions,
        int maxSessionsPerSubject,
        byte[] requestStateKey) {

    /** Defaults, with a random request-state key (valid until the server restarts). */
    public static McpSettings defaults() {
        return new McpSettings(50, 0, "private", Duration.ofHours(1), 10_000, 32, randomKey());
    }

    public static byte[] randomKey() {
        return RequestStateKeys.random();
    }
}
