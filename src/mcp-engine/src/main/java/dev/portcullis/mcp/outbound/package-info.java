/**
 * Outbound credentials: the implementation behind {@link dev.portcullis.mcp.api.Downstream}. For each configured
 * downstream API ({@code portcullis.downstream.<name>.*}, {@link DownstreamSettings}) a {@link CredentialSource}
 * gives the header value: a static token, a client-credentials token (RFC 6749 section 4.4), or a token obtained
 * on the caller's behalf by token exchange (RFC 8693). Tokens are cached until shortly before they expire, fetched
 * single-flight ({@link TokenCache}), and requested with the Nimbus OAuth SDK ({@link TokenRequests}). The
 * {@code @Downstream} JAX-RS client's {@link DownstreamFilter} adds the header only for the downstream's configured
 * origin. This package never reads a token out of a log-bound string: tokens are kept out of every message.
 *
 * <p>Depends on the tool-author API only; the transport hands it the caller's presented token through
 * {@link PresentingCaller}, never through {@link dev.portcullis.mcp.api.Caller}.
 */
package dev.portcullis.mcp.outbound;
