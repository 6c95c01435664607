package dev.portcullis.mcp.server.exchange;

/**
 * How the client opened: legacy (session from {@code initialize}, 2025-03-26 to 2025-11-25) or modern
 * (stateless 2026-07-28).
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning">Versioning</a>
 */
public enum Era {
    LEGACY,
    MODERN
}
