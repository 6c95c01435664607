/**
 * Legacy-era sessions: {@code Mcp-Session-Id} issuing, lookup, idle expiry and termination ({@code DELETE}), plus
 * the per-session state the legacy protocol keeps (negotiated version, log level, subscriptions, in-flight
 * requests for {@code notifications/cancelled}). Sessions are recorded through the {@link
 * dev.portcullis.mcp.session.SessionRecords} SPI (the product keeps them in its database, {@link
 * dev.portcullis.mcp.session.InMemorySessionRecords} otherwise) under the SHA-256 of their id, so that every server
 * sharing the records serves every session. The modern era (2026-07-28) is stateless and uses none of this.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management">Session management</a>
 */
package dev.portcullis.mcp.session;
