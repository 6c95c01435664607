/**
 * JSON-RPC 2.0 and MCP wire vocabulary: the envelope codec ({@link dev.portcullis.mcp.protocol.JsonRpc}),
 * method names, error codes and protocol versions. JSON-P only; no other Jakarta types.
 *
 * @see <a href="https://www.jsonrpc.org/specification">JSON-RPC 2.0</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic">MCP base protocol</a>
 */
package dev.portcullis.mcp.protocol;
