package dev.portcullis.resourceserver;

import dev.portcullis.audit.AuditEvent;
import dev.portcullis.audit.AuditEventType;
import dev.portcullis.audit.AuditTrail;
import dev.portcullis.oauth.keys.SigningKeys;
import dev.portcullis.oauth.revocation.AccessTokenRevocations;
import dev.portcullis.telemetry.Telemetry;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Every request to {@code /mcp}, GET and DELETE included, needs a bearer token that MicroProfile JWT accepted
 * (signature, {@code iss}, {@code exp}/{@code nbf}, {@code aud} = this resource) and that is typed as an access token
 * ({@link AccessTokenTypes}: {@code typ} {@code at+jwt}, RFC 9068 section 4). MicroProfile JWT leaves a request
 * whose token it rejected anonymous and logs why; here it gets the exact challenge instead. On an open deployment
 * ({@code portcullis.mcp.auth=open}) a request without a token passes as anonymous, and one with a token is
 * checked as usual.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#token-handling">Token handling</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3.1">RFC 6750 section 3.1</a>
 */
@Provider
@McpEndpoint
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(BearerTokenFilter.class.getName());

    @Inject
    private ResourceServerConfig config;

    @Inject
    private AccessTokenRevocations revocations;

    @Inject
    private AuditTrail audit;

    @Inject
    private TokenHeaderTypes headerTypes;

    @Inject
    private SigningKeys signingKeys;

    @Inject
    private Telemetry telemetry;

    @Context
    private SecurityContext security;

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString("Authorization");
        if (config.open() && authorization == null) {
            return; // open deployment: anonymous callers are let in; a presented token is still checked
        }
        String metadata = config.metadataUrl();
        // RFC 6750 section 2.3's query parameter, which MCP forbids; parsed only when there is a query at all
        if (request.getUriInfo().getRequestUri().getRawQuery() != null
                && request.getUriInfo().getQueryParameters().containsKey("access_token")) {
            request.abortWith(
                    Challenge.invalidRequest(metadata, "Access tokens are accepted only in the Authorization header"));
            refused("token_in_query", null);
            return;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            request.abortWith(Challenge.missingToken(metadata, config.challengeScopes()));
            refused("no_token", null);
            return;
        }
        Principal principal = security.getUserPrincipal();
        if (!(principal instanceof JsonWebToken token)) {
            // MicroProfile JWT rejected it and logged the reason (CWWKS55xx); the client learns only that it failed.
            request.abortWith(Challenge.invalidToken(metadata, "The access token is invalid or expired"));
            refused(
                    RefusalReason.of(
                            authorization,
                            config.resource(),
                            config.trustedIssuer(),
                            config.builtInIssuer() ? signingKeys.published() : null),
                    null);
            return;
        }
        if (!config.tokenTypes().accepts(headerTypes.of(token.getRawToken()))) {
            LOG.fine("A JWT that is not typed as an access token (typ) was presented at /mcp");
            request.abortWith(Challenge.invalidToken(metadata, "The token is not an access token (typ)"));
            refused("not_an_access_token", token);
            return;
        }
        if (revocations.isRevoked(token.getTokenID(), clientId(token), issuedAt(token))) {
            LOG.fine("A revoked access token was presented at /mcp");
            request.abortWith(Challenge.invalidToken(metadata, "The access token has been revoked"));
            refused("revoked", token);
            return;
        }
        RequestCaller.set(request, new TokenCaller(token, security, config.scopeClaim(), config.groupsClaim()));
    }

    private void refused(String reason, JsonWebToken token) {
        telemetry.mcpRefused(reason, "token_in_query".equals(reason) ? 400 : 401);
        audit.record(AuditEvent.of(AuditEventType.BEARER_REFUSED)
                .outcome(AuditEvent.FAILED)
                .detail("reason", reason)
                .subject(token == null ? null : token.getName())
                .client(token == null ? null : clientId(token)));
    }

    /** The {@code client_id} claim (RFC 9068 section 2.2), which a deleted client's tokens are refused by. */
    private static String clientId(JsonWebToken token) {
        Object claim = token.getClaim("client_id");
        return claim instanceof JsonString json ? json.getString() : claim instanceof String text ? text : null;
    }

    private static Instant issuedAt(JsonWebToken token) {
        long iat = token.getIssuedAtTime();
        return iat > 0 ? Instant.ofEpochSecond(iat) : null;
    }
}
