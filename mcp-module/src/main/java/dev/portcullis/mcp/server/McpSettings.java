package dev.portcullis.mcp.server;

import java.time.Duration;

/**
 * Tunables of the protocol engine.
 *
 * @param pageSize items per page of the list methods
 * @param ttlMs the {@code ttlMs} on cacheable modern results (CACHE26)
 * @param cacheScope {@code public} or {@code private}; private because lists may come to depend on authorization
 * @param sessionIdleTimeout how long an unused legacy session lives
 * @param maxSessions how many legacy sessions may exist before idle ones are purged
 */
public record McpSettings(int pageSize, long ttlMs, String cacheScope, Duration sessionIdleTimeout, int maxSessions) {

    public static McpSettings defaults() {
        return new McpSettings(50, 0, "private", Duration.ofHours(1), 10_000);
    }
}
