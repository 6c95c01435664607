package dev.portcullis.oauth.error;

import java.util.Objects;

/**
 * An OAuth error as the wire shows it: the registered {@code error} code, a human-readable description that
 * never contains a secret, and the HTTP status it travels with.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 section 5.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-3.2.2">RFC 7591 section 3.2.2</a>
 */
public record OAuthError(String error, String description, int status) {

    /** RFC 7591: a redirect URI is not acceptable. */
    public static final String INVALID_REDIRECT_URI = "invalid_redirect_uri";
    /** RFC 7591: a metadata value is invalid or the combination is inconsistent. */
    public static final String INVALID_CLIENT_METADATA = "invalid_client_metadata";
    /** RFC 6750: a bearer token (registration or initial access token) is missing or wrong. */
    public static final String INVALID_TOKEN = "invalid_token";
    /** RFC 6749: the server is busy or the caller is throttled. */
    public static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";

    public OAuthError {
        Objects.requireNonNull(error, "error");
    }

    public static OAuthError badRequest(String error, String description) {
        return new OAuthError(error, description, 400);
    }

    public static OAuthError invalidToken(String description) {
        return new OAuthError(INVALID_TOKEN, description, 401);
    }
}
