package dev.portcullis.oauth.authorize;

/**
 * An authorization request error to send back to the client's (already validated) redirect URI.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1">RFC 6749 section 4.1.2.1</a>
 */
public class AuthorizationErrorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** RFC 6749 section 4.1.2.1 error codes, and RFC 8707's {@code invalid_target}. */
    public static final String INVALID_REQUEST = "invalid_request";
    public static final String UNAUTHORIZED_CLIENT = "unauthorized_client";
    public static final String ACCESS_DENIED = "access_denied";
    public static final String UNSUPPORTED_RESPONSE_TYPE = "unsupported_response_type";
    public static final String INVALID_SCOPE = "invalid_scope";
    public static final String INVALID_TARGET = "invalid_target";

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
