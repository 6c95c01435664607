package dev.portcullis.oauth.grant;

/**
 * CDI event: the authorization code with this {@code grantId}, issued to {@code clientId} for {@code subject}, was
 * presented again after it had been redeemed. Observers should revoke every token issued from it, and what the
 * client holds for that user.
 *
 * <p>Observers run synchronously, in a transaction of their own ({@code REQUIRES_NEW}) that commits before
 * {@link AuthorizationCodes#redeem} fails with {@code invalid_grant}; the failing redemption's transaction rolls
 * back, the revocation does not. An observer that throws is logged and does not change the answer.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1-13#section-4.1.3">OAuth 2.1 section 4.1.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.5">RFC 6749 section 10.5</a>
 */
public record AuthorizationCodeReplayed(String grantId, String clientId, String subject) {}
