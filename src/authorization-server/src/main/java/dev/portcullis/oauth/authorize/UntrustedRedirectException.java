package dev.portcullis.oauth.authorize;

/**
 * The client or the redirect URI is not valid, so the endpoint must not redirect: the user gets an error page.
 * {@code error} is the RFC 6749 code the page names; {@code message} is written for the user.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1">RFC 6749 section 4.1.2.1</a>
 */
public class UntrustedRedirectException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;

    public UntrustedRedirectException(String error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public String error() {
        return error;
    }
}
