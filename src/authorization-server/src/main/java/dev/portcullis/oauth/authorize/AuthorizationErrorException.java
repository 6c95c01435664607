package dev.portcullis.oauth.authorize;

/**
 * An authorization request error to send back to the client's (already validated) redirect URI.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1">RFC 6749 section 4.1.2.1</a>
 */
public class AuthorizationErrorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;

    public AuthorizationErrorException(String error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }
}
