/**
 * What every part of the engine shares about an exchange with a client, and nothing else: the protocol
 * {@link dev.portcullis.mcp.server.exchange.Era}, the {@link dev.portcullis.mcp.server.exchange.Outbound} channel
 * for messages ahead of a response, the {@link dev.portcullis.mcp.server.exchange.Reply} a transport writes, and the
 * server's {@code Implementation} ({@link dev.portcullis.mcp.server.exchange.ServerInfo}). The bottom of
 * {@code dev.portcullis.mcp.server}: it imports none of its siblings.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning">Dual-era servers</a>
 */
package dev.portcullis.mcp.server.exchange;
