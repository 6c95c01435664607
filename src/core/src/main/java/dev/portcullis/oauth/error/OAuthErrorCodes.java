package dev.portcullis.oauth.error;

/**
 * Every OAuth {@code error} code the server sends, in one place: the authorization, token, revocation and
 * registration endpoints, the audit API and the resource server's challenges all name their codes from here.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1">RFC 6749 section 4.1.2.1 (authorization)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 section 5.2 (token)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3.1">RFC 6750 section 3.1 (bearer tokens)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-3.2.2">RFC 7591 section 3.2.2 (registration)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707#section-2">RFC 8707 section 2 (invalid_target)</a>
 */
public final class OAuthErrorCodes {

    public static final String INVALID_REQUEST = "invalid_request";
    public static final String INVALID_CLIENT = "invalid_client";
    public static final String INVALID_GRANT = "invalid_grant";
    public static final String UNAUTHORIZED_CLIENT = "unauthorized_client";
    public static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";
    public static final String INVALID_SCOPE = "invalid_scope";
    public static final String INVALID_TARGET = "invalid_target";
    public static final String ACCESS_DENIED = "access_denied";
    public static final String UNSUPPORTED_RESPONSE_TYPE = "unsupported_response_type";
    public static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";
    /** RFC 7591 section 3.2.2. */
    public static final String INVALID_REDIRECT_URI = "invalid_redirect_uri";
    /** RFC 7591 section 3.2.2. */
    public static final String INVALID_CLIENT_METADATA = "invalid_client_metadata";
    /** RFC 6750 section 3.1; RFC 7592 section 3 for a bad registration access token. */
    public static final String INVALID_TOKEN = "invalid_token";
    /** RFC 6750 section 3.1. */
    public static final String INSUFFICIENT_SCOPE = "insufficient_scope";

    private OAuthErrorCodes() {}
}
