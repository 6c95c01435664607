/**
 * The typed MCP wire model: Java records for the protocol messages the engine produces, named and shaped after the
 * definitions of the official schemas ({@code 2025-11-25} and {@code 2026-07-28}), so that a field name is a record
 * component and a misspelt one is a compile error. Where the revisions differ, the types do: a message of one era
 * only (an {@link dev.portcullis.mcp.protocol.wire.InitializeResult} is legacy, a
 * {@link dev.portcullis.mcp.protocol.wire.DiscoverResult} modern) takes that era's parts
 * ({@link dev.portcullis.mcp.protocol.wire.ServerCapabilities.Legacy} has no {@code extensions}). Optional fields
 * are null and left out. {@link dev.portcullis.mcp.protocol.wire.Wire} maps a record to JSON-P with JSON-B, the
 * properties in the order the record declares them.
 *
 * <p>Not yet typed (still built with JSON-P builders): the JSON-RPC envelopes and {@code tools/call} results, on
 * every request's path (src/docs/benchmarks.md), and the list, read, prompt, task and other notification messages.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema">Schema 2025-11-25</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/schema">Schema 2026-07-28</a>
 */
package dev.portcullis.mcp.protocol.wire;
