package dev.portcullis.oauth.error;

import jakarta.ejb.ApplicationException;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Thrown anywhere in the authorization server to answer with an {@link OAuthError}. It is an EJB application
 * exception, so a {@code @Stateless} service can throw it without the container wrapping it, and the
 * transaction rolls back. It carries no stack trace: it is an answer, not a fault.
 */
@ApplicationException(rollback = true)
public class OAuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient OAuthError error;
    private final long retryAfterSeconds;

    public OAuthException(OAuthError error) {
        this(error, -1);
    }

    /** An answer that tells the caller when to try again ({@code Retry-After}, RFC 9110 section 10.2.3). */
    public OAuthException(OAuthError error, long retryAfterSeconds) {
        super(Objects.requireNonNull(error, "error").error() + ": " + error.description(), null, false, false);
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds after which a retry may succeed, when the answer says so. */
    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds < 0 ? OptionalLong.empty() : OptionalLong.of(retryAfterSeconds);
    }

    public static OAuthException invalidClientMetadata(String description) {
        return new OAuthException(OAuthError.badRequest(OAuthErrorCodes.INVALID_CLIENT_METADATA, description));
    }

    public static OAuthException invalidRedirectUri(String description) {
        return new OAuthException(OAuthError.badRequest(OAuthErrorCodes.INVALID_REDIRECT_URI, description));
    }

    public static OAuthException invalidToken(String description) {
        return new OAuthException(OAuthError.invalidToken(description));
    }

    public OAuthError error() {
        return error;
    }
}
