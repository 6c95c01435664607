/**
 * Authorization codes: what the authorization endpoint hands out and the token endpoint redeems.
 *
 * <p>{@link dev.portcullis.oauth.grant.AuthorizationCodes} issues a code bound to the client, redirect URI, PKCE
 * challenge, resource, scope and user, stores only its SHA-256 hash, and redeems it once into an
 * {@link dev.portcullis.oauth.model.AuthorizationGrant}. A second redemption fails with {@code invalid_grant} and
 * fires {@link dev.portcullis.oauth.grant.AuthorizationCodeReplayed}, so that the token side can revoke every
 * token issued from the code.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1">RFC 6749 section 4.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636">RFC 7636 (PKCE)</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1-13#section-4.1.3">OAuth 2.1 section 4.1.3</a>
 */
package dev.portcullis.oauth.grant;
