/**
 * The transport-agnostic MCP server: {@link dev.portcullis.mcp.server.McpServer} applies the era rules (legacy
 * sessions or modern per-request {@code _meta} and headers), and {@link dev.portcullis.mcp.server.McpDispatcher}
 * routes each request to one handler per method. Transports hand in an {@link dev.portcullis.mcp.server.Incoming}
 * message and write the {@link dev.portcullis.mcp.server.Reply} they get back; they never build JSON-RPC results.
 * Tool calls of the modern era's tasks extension run in an in-memory task store, read with {@code tasks/get}.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning">Dual-era servers</a>
 */
package dev.portcullis.mcp.server;
