package dev.portcullis.oauth.endpoints;

import dev.portcullis.oauth.error.OAuthError;
import dev.portcullis.oauth.error.OAuthErrorCodes;
import dev.portcullis.oauth.error.OAuthException;
import dev.portcullis.oauth.token.FormParameters;
import dev.portcullis.oauth.token.TokenService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /oauth/token}: parses the form and delegates to {@link TokenService}. Any content type is accepted
 * here so that a wrong one is an RFC 6749 {@code invalid_request}, not a bare 415. A failure that is not an OAuth
 * answer (the database is down) is {@code 503 temporarily_unavailable}, never a 500 with a stack trace.
 * One instance serves every request (it holds no request state), rather than one built per request.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.2">RFC 6749 section 3.2</a>
 */
@Path("/token")
@ApplicationScoped
public class TokenResource {

    private static final Logger LOG = Logger.getLogger(TokenResource.class.getName());

    @Inject
    private TokenService tokens;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            String body,
            @Context HttpServletRequest request) {
        try {
            return tokens.handle(authorization, FormParameters.parse(contentType, body), request.getRemoteAddr())
                    .toResponse();
        } catch (OAuthException answer) {
            throw answer;
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** Logs the failure's type and message (never request parameters) and answers 503. */
    public static OAuthException unavailable(RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof OAuthException answer) {
            return answer;
        }
        LOG.log(Level.WARNING, "Token request failed: {0}", cause.toString());
        return new OAuthException(new OAuthError(OAuthErrorCodes.TEMPORARILY_UNAVAILABLE, "try again later", 503));
    }
}
