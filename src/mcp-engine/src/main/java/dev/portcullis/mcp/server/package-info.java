/**
 * The transport-agnostic MCP server: {@link dev.portcullis.mcp.server.McpServer} applies the era rules (legacy
 * sessions or modern per-request {@code _meta} and headers), and {@link dev.portcullis.mcp.server.McpDispatcher}
 * routes each request to one handler per method. Transports hand in an {@link dev.portcullis.mcp.server.Incoming}
 * message and write the {@link dev.portcullis.mcp.server.exchange.Reply} they get back; they never build JSON-RPC
 * results. Tool calls of the modern era's tasks extension run in a task store, read with {@code tasks/get}.
 *
 * <p>This package is the top of the engine: it wires the subpackages, which never import it. From the bottom:
 * {@code exchange} (era, outbound channel, reply, server identity) and {@code observation} (observer and
 * instrumentation SPIs); {@code input} (questions to the client and their answers); {@code context} (one request
 * being served, the handler interface); {@code features} (tools, resources, prompts, completion, access rules);
 * {@code tasks} (the tasks extension and {@code tools/call}); {@code lifecycle} ({@code initialize},
 * {@code server/discover}, {@code ping}, logging level, subscriptions); {@code notifications} (server-initiated
 * streams), which depends on {@code exchange} only.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning">Dual-era servers</a>
 */
package dev.portcullis.mcp.server;
