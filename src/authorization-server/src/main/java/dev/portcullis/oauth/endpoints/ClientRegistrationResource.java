package dev.portcullis.oauth.endpoints;

import dev.portcullis.config.AuthServerConfig;
import dev.portcullis.json.JsonInput;
import dev.portcullis.oauth.error.OAuthException;
import dev.portcullis.oauth.keys.Secrets;
import dev.portcullis.oauth.registration.ClientRegistrationService;
import dev.portcullis.oauth.registration.Registration;
import dev.portcullis.oauth.registration.RegistrationRateLimiter;
import dev.portcullis.platform.web.NoStore;
import dev.portcullis.telemetry.Telemetry;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;

/**
 * The registration endpoint (RFC 7591 section 3) and the client configuration endpoint (RFC 7592 section 2).
 * Parses, checks the initial access token and the rate limit, and delegates to {@link ClientRegistrationService}.
 * Only a caller that presented the initial access token may register a {@code client_credentials} client; with open
 * registration (no initial access token configured) nobody can, and machine clients are provisioned by the operator.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-3">RFC 7591 section 3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7592#section-2">RFC 7592 section 2</a>
 */
@Path("/register")
@Produces(MediaType.APPLICATION_JSON)
public class ClientRegistrationResource {

    /** Registration requests are small; anything bigger is refused before parsing. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    private static final String BEARER = "Bearer ";

    @Inject
    private ClientRegistrationService registry;

    @Inject
    private RegistrationRateLimiter rateLimiter;

    @Inject
    private AuthServerConfig config;

    @Inject
    private Telemetry telemetry;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response register(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            InputStream body,
            @Context HttpServletRequest http) {
        boolean withInitialAccessToken = config.initialAccessToken()
                .map(expected -> {
                    if (!Secrets.equalsConstantTime(expected, bearer(authorization))) {
                        throw OAuthException.invalidToken("registration requires a valid initial access token");
                    }
                    return true;
                })
                .orElse(false);
        JsonValue request = parse(body);
        rateLimiter.acquire(http.getRemoteAddr());
        Registration registration;
        try {
            registration = registry.register(request, withInitialAccessToken);
        } catch (OAuthException invalid) {
            rateLimiter.release(http.getRemoteAddr());
            throw invalid;
        }
        telemetry.clientRegistered(); // committed: the service's transaction ended with its call
        telemetry.annotate(Telemetry.CLIENT_ID, registration.clientId());
        return noStore(Response.status(Response.Status.CREATED), registration);
    }

    @GET
    @Path("{clientId}")
    public Response read(
            @PathParam("clientId") String clientId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return noStore(Response.ok(), registry.read(clientId, bearer(authorization)));
    }

    @PUT
    @Path("{clientId}")
    @Consumes(MediaType.WILDCARD)
    public Response update(
            @PathParam("clientId") String clientId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            InputStream body) {
        String token = bearer(authorization);
        registry.read(clientId, token); // a bad token is a 401 before the body is looked at
        return noStore(Response.ok(), registry.update(clientId, token, parse(body)));
    }

    @DELETE
    @Path("{clientId}")
    public Response delete(
            @PathParam("clientId") String clientId, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        registry.delete(clientId, bearer(authorization));
        return NoStore.set(Response.noContent()).build();
    }

    private Response noStore(Response.ResponseBuilder response, Registration registration) {
        String uri = config.issuer() + "/oauth/register/" + registration.clientId();
        return NoStore.withPragma(response.type(MediaType.APPLICATION_JSON_TYPE))
                .entity(registration.toJson(uri).toString())
                .build();
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).trim();
    }

    static JsonValue parse(InputStream body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw OAuthException.invalidClientMetadata("the request body could not be read");
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw OAuthException.invalidClientMetadata("the request body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        try {
            return JsonInput.read(bytes);
        } catch (JsonException e) {
            throw OAuthException.invalidClientMetadata("the request body is not valid JSON");
        }
    }
}
