package dev.portcullis.oauth.endpoints;

import dev.portcullis.audit.AuditEvent;
import dev.portcullis.audit.AuditEventType;
import dev.portcullis.audit.AuditTrail;
import dev.portcullis.oauth.error.OAuthException;
import dev.portcullis.oauth.model.RegisteredClient;
import dev.portcullis.oauth.revocation.AccessTokenClaims;
import dev.portcullis.oauth.revocation.RevocationService;
import dev.portcullis.oauth.token.ClientAuthenticator;
import dev.portcullis.oauth.token.ClientCredentials;
import dev.portcullis.oauth.token.FormParameters;
import dev.portcullis.platform.web.NoStore;
import jakarta.ejb.EJB;
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

/**
 * {@code POST /oauth/revoke} (RFC 7009): the client authenticates as registered and names a token, a refresh token
 * (its whole family is revoked, access tokens included) or an access token (revoked by its {@code jti}). The
 * answer is 200 with an empty body whether or not the token was known, valid or the client's own: a token of
 * another client is left alone, and the caller learns nothing about it. {@code token_type_hint} is accepted and
 * not needed: the two kinds are told apart by their form (a JWT has two dots, a refresh token none).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7009#section-2">RFC 7009 section 2</a>
 */
@Path("/revoke")
public class RevocationResource {

    @Inject
    private ClientAuthenticator authenticator;

    @Inject
    private AccessTokenClaims accessTokens;

    @EJB
    private RevocationService revocations;

    @Inject
    private AuditTrail audit;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke(
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            String body,
            @Context HttpServletRequest request) {
        try {
            FormParameters form = FormParameters.parse(contentType, body);
            String token = form.required("token");
            form.single("token_type_hint");
            RegisteredClient client =
                    authenticator.authenticate(ClientCredentials.from(authorization, form), request.getRemoteAddr());
            boolean jwt = token.chars().filter(c -> c == '.').count() == 2;
            audit.record(AuditEvent.of(AuditEventType.REVOCATION_REQUESTED)
                    .client(client.clientId())
                    .detail("token_kind", jwt ? "access_token" : "refresh_token"));
            if (jwt) {
                accessTokens
                        .verified(token)
                        .filter(claims -> client.clientId().equals(claims.clientId()))
                        .ifPresent(claims ->
                                revocations.revokeAccessToken(claims.jti(), claims.clientId(), claims.expiresAt()));
            } else {
                revocations.revokeRefreshToken(token, client.clientId());
            }
            return NoStore.ok(MediaType.APPLICATION_JSON_TYPE).build();
        } catch (OAuthException answer) {
            audit.record(AuditEvent.of(AuditEventType.REVOCATION_REQUESTED)
                    .failed(answer.error().description())
                    .detail("error", answer.error().error()));
            throw answer;
        } catch (RuntimeException e) {
            throw TokenResource.unavailable(e);
        }
    }
}
