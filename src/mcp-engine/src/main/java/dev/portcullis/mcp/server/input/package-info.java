/**
 * Questions a feature method asks the client (elicitation, sampling, roots) and the client's answers, per era: in
 * the legacy era a server request over the session ({@link dev.portcullis.mcp.server.input.LegacyClientRequests}),
 * in the modern era an {@code input_required} result ({@link dev.portcullis.mcp.server.input.InputRequired}) whose
 * answers come back as {@code inputResponses} with an HMAC-protected {@code requestState}
 * ({@link dev.portcullis.mcp.server.input.RequestStateCodec}, key from
 * {@link dev.portcullis.mcp.server.input.RequestStateKeys}).
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/client/elicitation">Elicitation</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr">Multi-round-trip requests</a>
 */
package dev.portcullis.mcp.server.input;
