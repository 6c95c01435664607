/**
 * The authorization server's machine endpoints under {@code /oauth}: token (RFC 6749 section 3.2), registration
 * (RFC 7591, RFC 7592), revocation (RFC 7009) and the JWK Set (RFC 7517), and the mapper that writes every
 * {@link dev.portcullis.oauth.error.OAuthException} as RFC 6749 section 5.2 JSON. Each resource parses the request
 * and delegates to the core module's services; none of them accepts a bearer token as a login.
 */
package dev.portcullis.oauth.endpoints;
