package dev.portcullis.oauth.token;

import dev.portcullis.config.AuthServerConfig;
import dev.portcullis.oauth.error.TokenErrors;
import dev.portcullis.oauth.metadata.SupportedScopes;
import dev.portcullis.oauth.model.RegisteredClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The {@code client_credentials} grant: a machine client gets an access token for itself ({@code sub} =
 * {@code client_id}, no groups) and no refresh token (RFC 6749 section 4.4.3). Machine clients are provisioned by the
 * operator, in configuration or in the console (their configured or chosen scopes are the allowlist) or registered with the initial access token (their registered
 * scopes within {@code portcullis.oauth.registration.machine-client-scopes}); nobody else, and never with every
 * supported scope by default. The scope is the requested one within that allowlist, or the whole allowlist; a
 * client with an empty allowlist gets {@code invalid_scope}, since a token without a user and without scope has no use.
 * Nothing is written to the database, so this grant costs one signature and, thanks to {@link VerifiedSecrets},
 * rarely a PBKDF2 verification.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.4">RFC 6749 section 4.4</a>
 */
@ApplicationScoped
public class ClientCredentialsGrant {

    public static final String GRANT_TYPE = "client_credentials";

    @Inject
    private AccessTokenIssuer issuer;

    @Inject
    private SupportedScopes supported;

    @Inject
    private AuthServerConfig config;

    @Inject
    private Clock clock;

    public TokenResponse grant(RegisteredClient client, FormParameters form) {
        if (!client.confidential()
                || !client.grantTypes().contains(GRANT_TYPE)
                || client.source() == RegisteredClient.Source.METADATA_DOCUMENT) {
            throw TokenErrors.unauthorizedClient("the client is not registered for the client_credentials grant");
        }
        String resource = config.mcpResource();
        Resources.requireOnly(form.all("resource"), resource);
        List<String> entitled = entitled(client);
        if (entitled.isEmpty()) {
            throw TokenErrors.invalidScope("no scope is allowed for this client; the operator allowlists them");
        }
        List<String> scopes = Scopes.narrow(form.single("scope"), entitled);
        TokenSubject subject = new TokenSubject(client.clientId(), List.of(), resource, null);
        return new TokenResponse(issuer.issue(subject, client.clientId(), scopes, null, clock.instant()), null);
    }

    /** The scopes the client may get: the operator's allowlist for it, and only scopes this server supports. */
    private List<String> entitled(RegisteredClient client) {
        Set<String> supportedNow = supported.all();
        List<String> registered = client.scope().map(Scopes::parse).orElse(List.of());
        List<String> ceiling = client.source() == RegisteredClient.Source.OPERATOR
                ? registered
                : config.registeredMachineClientScopes();
        return registered.stream()
                .filter(ceiling::contains)
                .filter(supportedNow::contains)
                .toList();
    }
}
