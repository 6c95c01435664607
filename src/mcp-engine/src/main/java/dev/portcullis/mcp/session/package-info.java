/**
 * Legacy-era sessions: {@code Mcp-Session-Id} issuing, lookup, idle expiry and termination ({@code DELETE}), plus
 * the per-session state the legacy protocol keeps (negotiated version, log level, subscriptions, in-flight
 * requests for {@code notifications/cancelled}). The modern era (2026-07-28) is stateless and uses none of this.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#session-management">Session management</a>
 */
package dev.portcullis.mcp.session;
