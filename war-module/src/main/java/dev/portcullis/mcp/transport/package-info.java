/**
 * The Streamable HTTP transport: {@code /mcp} as a JAX-RS resource. It checks what only HTTP knows (Origin and
 * Host, Accept, body size, JSON well-formedness), hands the message to the transport-agnostic
 * {@link dev.portcullis.mcp.server.McpServer}, and writes its reply as {@code application/json}, as an SSE stream
 * when the call sends notifications first, or as 202 without a body. It never builds JSON-RPC results. Bearer-token
 * protection is one more {@code ContainerRequestFilter} in front of this resource ({@link dev.portcullis.resourceserver}),
 * and {@code /.well-known/oauth-protected-resource} (RFC 9728) is served here too, since it lists the scopes the
 * engine's tools declare.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#streamable-http">Streamable HTTP (2025-11-25)</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http">Streamable HTTP (2026-07-28)</a>
 */
package dev.portcullis.mcp.transport;
