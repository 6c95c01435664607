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
 * <p>Typed: {@code initialize}, {@code server/discover}, the capabilities, {@code completion/complete}; the list
 * methods ({@link dev.portcullis.mcp.protocol.wire.Tool} with its
 * {@link dev.portcullis.mcp.protocol.wire.ToolAnnotations}, {@link dev.portcullis.mcp.protocol.wire.Resource},
 * {@link dev.portcullis.mcp.protocol.wire.ResourceTemplate}, {@link dev.portcullis.mcp.protocol.wire.Prompt}, mapped
 * once when the registry is built, and the {@code List...Result} pages with {@code nextCursor}, the
 * {@code tools/list} page built, below);
 * {@code resources/read} and {@code prompts/get} results; the notifications (progress, log messages,
 * {@code list_changed}, {@code resources/updated}, {@code cancelled}, the subscription acknowledgement and the listen
 * result); the {@link dev.portcullis.mcp.protocol.wire.InputRequiredResult} and its
 * {@link dev.portcullis.mcp.protocol.wire.InputRequest}s; the structured error {@code data} (-32022, -32021, an
 * unknown resource) and the error object a failed task keeps; the tasks extension's
 * {@link dev.portcullis.mcp.protocol.wire.Task}. {@code WireTest} and {@code WireMessagesTest} validate an example of
 * each against the definition of every revision that has it, and check that it has no member the definition does
 * not declare.
 *
 * <p>Still built with JSON-P builders, and why (a record costs a JSON-B write and a parse: 1,367 ns against 61 ns
 * for a {@code tools/call} result, {@code WireBenchmark}, src/docs/benchmarks.md):
 * <ul>
 *   <li>on every request's path: the JSON-RPC envelopes ({@code JsonRpc}: results, errors, notifications and the
 *       legacy server-to-client requests), the common result fields the dispatcher adds to every modern result
 *       ({@code McpDispatcher.decorate}, with {@code ServerInfo.toJson}), {@code tools/call} results
 *       ({@code ToolDefinition}) and their content blocks ({@code ContentEncoder}, which also encodes the contents of
 *       {@code resources/read});
 *   <li>the {@code tools/list} page ({@link dev.portcullis.mcp.protocol.wire.ListToolsResult#json}, the record's
 *       exact JSON, {@code WireMessagesTest}): a client lists the tools at every session's start, and the record
 *       writes the descriptors it wraps out as text and parses them back, 21,299 ns for a page of ten tools against
 *       58 ns for the builder, growing with the page ({@code WireBenchmark}, 2026-12-07). The other list pages are
 *       records: discovery calls clients make less often;
 *   <li>arbitrary JSON passing through: the parser's values ({@code dev.portcullis.json.JsonInput}), JSON Schema documents
 *       ({@code JsonSchemaGenerator}, the argument properties in {@code FeatureMethodFactory}), the arguments handed
 *       to resource and completion methods ({@code ResourceDefinition}, {@code CompletionDefinition}), the client's
 *       answers a task keeps ({@code TaskLifecycle}) and the signed {@code requestState} payload
 *       ({@code RequestStateCodec}), which is the server's own opaque format, not a protocol message.
 * </ul>
 * The params of the requests a tool sends the client ({@code sampling/createMessage}, {@code elicitation/create},
 * {@code roots/list}) are built by the API module ({@code dev.portcullis.mcp.api.ClientRequests}), which has no
 * JSON-B; the engine passes them through in an {@code InputRequest} or a JSON-RPC request.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema">Schema 2025-11-25</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/schema">Schema 2026-07-28</a>
 */
package dev.portcullis.mcp.protocol.wire;
