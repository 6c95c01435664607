package dev.portcullis.oauth.endpoints;

import dev.portcullis.json.Jsons;
import dev.portcullis.oauth.error.OAuthError;
import dev.portcullis.oauth.error.OAuthErrorCodes;
import dev.portcullis.oauth.error.OAuthException;
import dev.portcullis.platform.web.NoStore;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Writes every {@link OAuthException} as the JSON error body of RFC 6749 section 5.2 (the shape RFC 7591
 * section 3.2.2 reuses), with {@code Cache-Control: no-store}. A 401 also carries a challenge: Basic for
 * {@code invalid_client} (RFC 6749 section 5.2), else Bearer (RFC 6750 section 3); a 429 a {@code Retry-After}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 section 5.2</a>
 */
@Provider
public class OAuthExceptionMapper implements ExceptionMapper<OAuthException> {

    /** Seconds a throttled caller should wait; the rate limiter's window is the natural value. */
    static final String RETRY_AFTER_SECONDS = "60";

    @Override
    public Response toResponse(OAuthException exception) {
        OAuthError error = exception.error();
        JsonObjectBuilder body = Jsons.PROVIDER.createObjectBuilder().add("error", error.error());
        if (error.description() != null) {
            body.add("error_description", error.description());
        }
        Response.ResponseBuilder response = NoStore.withPragma(
                        Response.status(error.status()).type(MediaType.APPLICATION_JSON_TYPE))
                .entity(body.build().toString());
        if (error.status() == 401 && OAuthErrorCodes.INVALID_CLIENT.equals(error.error())) {
            response.header("WWW-Authenticate", "Basic realm=\"portcullis\"");
        } else if (error.status() == 401) {
            response.header("WWW-Authenticate", "Bearer error=\"" + error.error() + "\"");
        }
        if (error.status() == 429) {
            response.header(
                    "Retry-After",
                    exception.retryAfterSeconds().isPresent()
                            ? String.valueOf(exception.retryAfterSeconds().getAsLong())
                            : RETRY_AFTER_SECONDS);
        }
        return response.build();
    }
}
