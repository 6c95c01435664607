package dev.portcullis.oauth.error;

import static dev.portcullis.oauth.error.OAuthErrorCodes.INVALID_CLIENT;
import static dev.portcullis.oauth.error.OAuthErrorCodes.INVALID_GRANT;
import static dev.portcullis.oauth.error.OAuthErrorCodes.INVALID_REQUEST;
import static dev.portcullis.oauth.error.OAuthErrorCodes.INVALID_SCOPE;
import static dev.portcullis.oauth.error.OAuthErrorCodes.INVALID_TARGET;
import static dev.portcullis.oauth.error.OAuthErrorCodes.UNAUTHORIZED_CLIENT;
import static dev.portcullis.oauth.error.OAuthErrorCodes.UNSUPPORTED_GRANT_TYPE;

/**
 * The errors of the token and revocation endpoints, as {@link OAuthException}s ready to throw.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 section 5.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707#section-2">RFC 8707 section 2 (invalid_target)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7009#section-2.2.1">RFC 7009 section 2.2.1</a>
 */
public final class TokenErrors {

    private TokenErrors() {}

    public static OAuthException invalidRequest(String description) {
        return new OAuthException(OAuthError.badRequest(INVALID_REQUEST, description));
    }

    /**
     * Always 401, so that clients holding a forgotten client_id register again; the web module's
     * {@code OAuthExceptionMapper} adds a {@code WWW-Authenticate: Basic} challenge (RFC 6749 section 5.2).
     */
    /**
     * Too many wrong client secrets from this address: {@code 429} (RFC 6585 section 4) with {@code Retry-After}
     * and the error code RFC 6749 section 5.2 has for failed client authentication, {@code invalid_client}. Not
     * 401: the client's credentials were not even checked, and a 401 would tell clients to register again.
     */
    public static OAuthException throttled(long retryAfterSeconds) {
        return new OAuthException(
                new OAuthError(
                        INVALID_CLIENT,
                        "too many failed client authentications from this address; retry after " + retryAfterSeconds
                                + " s",
                        429),
                retryAfterSeconds);
    }

    public static OAuthException invalidClient(String description) {
        return new OAuthException(new OAuthError(INVALID_CLIENT, description, 401));
    }

    public static OAuthException invalidGrant(String description) {
        return new OAuthException(OAuthError.badRequest(INVALID_GRANT, description));
    }

    public static OAuthException unauthorizedClient(String description) {
        return new OAuthException(OAuthError.badRequest(UNAUTHORIZED_CLIENT, description));
    }

    public static OAuthException unsupportedGrantType(String description) {
        return new OAuthException(OAuthError.badRequest(UNSUPPORTED_GRANT_TYPE, description));
    }

    public static OAuthException invalidScope(String description) {
        return new OAuthException(OAuthError.badRequest(INVALID_SCOPE, description));
    }

    public static OAuthException invalidTarget(String description) {
        return new OAuthException(OAuthError.badRequest(INVALID_TARGET, description));
    }
}
