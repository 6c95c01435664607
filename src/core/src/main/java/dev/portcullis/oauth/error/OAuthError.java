package dev.portcullis.oauth.error;

import static dev.portcullis.oauth.error.OAuthErrorCodes.INVALID_TOKEN;

import java.util.Objects;

/**
 * An OAuth error as the wire shows it: the registered {@code error} code, a human-readable description that
 * never contains a secret, and the HTTP status it travels with.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 section 5.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-3.2.2">RFC 7591 section 3.2.2</a>
 */
public record OAuthError(String error, String description, int status) {

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
