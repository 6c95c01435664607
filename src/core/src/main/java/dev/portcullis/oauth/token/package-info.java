/**
 * The token endpoint, {@code POST /oauth/token} (RFC 6749 section 3.2): client authentication as registered
 * ({@link dev.portcullis.oauth.token.ClientAuthenticator}), the {@code authorization_code}, {@code refresh_token}
 * (rotating, with reuse detection: {@link dev.portcullis.oauth.token.TokenFamilies}) and {@code client_credentials}
 * grants, and RFC 9068 JWT access tokens ({@link dev.portcullis.oauth.token.AccessTokenIssuer}). Form parsing is
 * done here, in {@link dev.portcullis.oauth.token.FormParameters}, rather than with the Nimbus OAuth 2.0 SDK: it is a
 * few dozen lines, while the SDK would add four jars and a second JSON library for the same rules.
 */
package dev.portcullis.oauth.token;
