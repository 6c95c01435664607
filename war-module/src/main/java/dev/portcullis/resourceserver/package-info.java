/**
 * The protected-resource side of {@code /mcp}: who may call it, the caller the MCP engine sees, the exact
 * {@code WWW-Authenticate} challenges, and the Protected Resource Metadata (RFC 9728). Token signatures, issuer,
 * audience and lifetime are checked by MicroProfile JWT before any of this runs.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization">MCP authorization</a>
 */
package dev.portcullis.resourceserver;
