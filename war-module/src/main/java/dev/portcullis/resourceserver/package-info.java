/**
 * The protected-resource side of {@code /mcp}: who may call it, the caller the MCP engine sees, the exact
 * {@code WWW-Authenticate} challenges, and the name binding of the endpoint's filters. Token signatures, issuer,
 * audience and lifetime are checked by MicroProfile JWT before any of this runs. It sits below
 * {@link dev.portcullis.mcp.transport} (which serves {@code /mcp} and the Protected Resource Metadata of RFC 9728)
 * and imports nothing of it.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization">MCP authorization</a>
 */
package dev.portcullis.resourceserver;
