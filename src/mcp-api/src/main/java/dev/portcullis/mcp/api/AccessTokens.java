package dev.portcullis.mcp.api;

/**
 * The access tokens for one downstream API ({@link Downstream}), obtained and cached by the server. Prefer the
 * injected {@code @Downstream} JAX-RS {@link jakarta.ws.rs.client.Client}: it adds the header itself, only for the
 * downstream's configured URL, and on a 401 from the downstream drops the token and retries once, so tool code
 * never holds a token. Use this interface when another HTTP client must carry the header.
 *
 * <p>Never forward the MCP caller's own access token to a downstream API: the MCP authorization specification
 * forbids token passthrough, and {@link Caller} does not expose it. For a call on the user's behalf,
 * {@link #onBehalfOf(Caller)} exchanges it at the downstream's authorization server (RFC 8693).
 *
 * <p>Failures throw {@link DownstreamException}, a {@link ToolCallException}: the tool result gets
 * {@code isError: true} and a message that names the downstream, never a token or secret.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#token-passthrough">MCP
 *      authorization: token passthrough</a>
 */
public interface AccessTokens {

    /** The request property of the {@code @Downstream} client that names the {@link Caller} to act for. */
    String CALLER_PROPERTY = "dev.portcullis.mcp.api.AccessTokens.caller";

    /** The downstream's name. */
    String name();

    /** The name of the header the credential travels in, {@code Authorization} unless configured otherwise. */
    String headerName();

    /**
     * The header value for a call in the server's own name ({@code Bearer …}, or the configured key): the static
     * token, or a cached client-credentials token. A downstream in token-exchange mode refuses: it has no token of
     * its own.
     */
    String current();

    /**
     * The header value for a call on behalf of {@code caller}: in token-exchange mode a token obtained for this
     * caller (RFC 8693, cached per caller and scope); in the other modes the same as {@link #current()}.
     */
    String onBehalfOf(Caller caller);

    /**
     * The downstream answered 401 to {@code headerValue}: forget it, so that the next call obtains a new one
     * (a revoked token). Values not cached are ignored.
     */
    void rejected(String headerValue);
}
