package dev.portcullis.oauth.token;

import dev.portcullis.audit.AuditEvent;
import dev.portcullis.audit.AuditEventType;
import dev.portcullis.audit.AuditTrail;
import dev.portcullis.oauth.client.DisabledClients;
import dev.portcullis.oauth.error.OAuthException;
import dev.portcullis.oauth.error.TokenErrors;
import dev.portcullis.oauth.model.RegisteredClient;
import dev.portcullis.oauth.registration.ClientUsage;
import dev.portcullis.telemetry.Telemetry;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The token endpoint's logic: authenticate the client as registered, then run the requested grant.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.2">RFC 6749 section 3.2</a>
 */
@ApplicationScoped
public class TokenService {

    @Inject
    private ClientAuthenticator authenticator;

    @Inject
    private AuthorizationCodeGrant authorizationCode;

    @Inject
    private ClientCredentialsGrant clientCredentials;

    @EJB
    private TokenFamilies families;

    @Inject
    private ClientUsage usage;

    @EJB
    private DisabledClients disabled;

    @Inject
    private AuditTrail audit;

    @Inject
    private Telemetry telemetry;

    private static final Logger LOG = Logger.getLogger(TokenService.class.getName());

    public TokenResponse handle(String authorization, FormParameters form) {
        return handle(authorization, form, null);
    }

    /** {@code callerAddress}: the TCP peer as the server sees it (for the wrong-secret backoff). */
    public TokenResponse handle(String authorization, FormParameters form, String callerAddress) {
        try {
            TokenResponse response = run(authorization, form, callerAddress);
            IssuedAccessToken token = response.accessToken();
            audit.record(AuditEvent.of(AuditEventType.TOKEN_ISSUED)
                    .subject(token.subject())
                    .client(clientId(form, authorization))
                    .detail("grant_type", form.single("grant_type").orElse(null))
                    .detail("scope", Scopes.join(token.scopes()))
                    .detail("resource", token.resource())
                    .detail("refresh_token_issued", response.refreshToken() != null));
            return response;
        } catch (OAuthException e) {
            audit.record(AuditEvent.of(AuditEventType.TOKEN_REFUSED)
                    .client(clientId(form, authorization))
                    .failed(e.error().description())
                    .detail("error", e.error().error())
                    .detail("grant_type", grantTypeOf(form)));
            throw e;
        }
    }

    /** The client the request names (for the record; authenticated or not): never its secret. */
    private static String clientId(FormParameters form, String authorization) {
        try {
            return ClientCredentials.from(authorization, form).clientId();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String grantTypeOf(FormParameters form) {
        try {
            return form.single("grant_type").orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * A client the operator disabled gets no token. Not {@code invalid_client}: it authenticated (RFC 6749 section
     * 5.2 keeps that error for failed authentication), and MCP clients answer {@code invalid_client} by registering
     * again. A code or refresh token of it was revoked with the disable, so those grants are {@code invalid_grant}
     * ("revoked"), after which a client starts a new authorization, which the authorization endpoint refuses on a
     * page the user can read; {@code client_credentials} is {@code unauthorized_client}, the authenticated client
     * not being authorized for the grant.
     */
    private void refuseIfDisabled(RegisteredClient client, String grantType) {
        if (!disabled.isDisabled(client.clientId())) {
            return;
        }
        if (ClientCredentialsGrant.GRANT_TYPE.equals(grantType)) {
            throw TokenErrors.unauthorizedClient("the operator disabled this client");
        }
        throw TokenErrors.invalidGrant("the grant was revoked: the operator disabled this client");
    }

    private TokenResponse run(String authorization, FormParameters form, String callerAddress) {
        String grantType = form.required("grant_type");
        RegisteredClient client =
                authenticator.authenticate(ClientCredentials.from(authorization, form), callerAddress);
        refuseIfDisabled(client, grantType);
        // On the server's span of this request: which client, which grant (never a credential or code).
        telemetry.annotate(Telemetry.CLIENT_ID, client.clientId());
        telemetry.annotate(
                Telemetry.GRANT_TYPE, Telemetry.GRANT_TYPES.contains(grantType) ? grantType : "(unsupported)");
        TokenResponse response = switch (grantType) {
            case AuthorizationCodeGrant.GRANT_TYPE -> authorizationCode.grant(client, form);
            case ClientCredentialsGrant.GRANT_TYPE -> clientCredentials.grant(client, form);
            case TokenFamilies.REFRESH_GRANT_TYPE ->
                families.refresh(client, form.required("refresh_token"), form.single("scope"), form.all("resource"));
            default -> throw TokenErrors.unsupportedGrantType("the grant type " + grantType + " is not supported");
        };
        telemetry.tokenIssued(grantType);
        if (client.registeredAt() != null) { // a row of OAUTH_CLIENT: RFC 7591 or provisioned in the console
            try {
                usage.used(client.clientId());
            } catch (RuntimeException e) {
                // The token stands; at worst the client looks unused for another hour.
                LOG.log(Level.FINE, "Recording the use of a client failed: {0}", e.toString());
            }
        }
        return response;
    }
}
