/**
 * The tool-author API: the only package an application imports to offer MCP tools, resources and prompts.
 *
 * <p>Annotate methods of any CDI bean that has a bean-defining scope (for example {@code @ApplicationScoped})
 * with {@link dev.portcullis.mcp.api.Tool}, {@link dev.portcullis.mcp.api.Resource},
 * {@link dev.portcullis.mcp.api.ResourceTemplate} or {@link dev.portcullis.mcp.api.Prompt}. The annotations are
 * shaped like the vendor-neutral Java MCP API (and Quarkus, WildFly and Open Liberty), so porting a bean is an
 * import change. Tool code never sees HTTP or JSON-RPC: it returns values and throws
 * {@link dev.portcullis.mcp.api.ToolCallException} (a result with {@code isError: true}) or
 * {@link dev.portcullis.mcp.api.McpException} (a JSON-RPC error). A tool may run as a task of the 2026-07-28 tasks
 * extension ({@code @Tool(taskSupport = ...)}, {@link dev.portcullis.mcp.api.TaskHandoff}) without any change to
 * its code. A tool calling a downstream API injects {@code @Downstream("name")} {@link jakarta.ws.rs.client.Client}
 * or {@link dev.portcullis.mcp.api.AccessTokens}: the server obtains and caches that API's credentials, and the
 * MCP caller's own token is never forwarded (src/docs/outbound.md).
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/tools">MCP tools</a>
 */
package dev.portcullis.mcp.api;
