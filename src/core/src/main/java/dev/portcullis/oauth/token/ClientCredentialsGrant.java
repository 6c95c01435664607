package dev.portcullis.oauth.token;

import dev.portcullis.config.AuthServerConfig;
import dev.portcullis.oauth.client.RegisteredClient;
import dev.portcullis.oauth.error.TokenErrors;
import dev.portcullis.oauth.metadata.SupportedScopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * The {@code client_credentials} grant: a confidential client that registered the grant gets an access token for
 * itself ({@code sub} = {@code client_id}, no groups) and no refresh token (RFC 6749 section 4.4.3). The scope is
 * the requested one, within the client's registered scope (or every supported scope when it registered none).
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

    private final Clock clock = Clock.systemUTC();

    public TokenResponse grant(RegisteredClient client, FormParameters form) {
        if (!client.confidential() || !client.grantTypes().contains(GRANT_TYPE)) {
            throw TokenErrors.unauthorizedClient("the client is not registered for the client_credentials grant");
        }
        String resource = config.mcpResource();
        Resources.requireOnly(form.all("resource"), resource);
        List<String> entitled = client.scope().map(Scopes::parse).orElseGet(() -> List.copyOf(supported.all()))
                .stream().filter(supported.all()::contains).toList();
        List<String> scopes = Scopes.narrow(form.single("scope"), entitled);
        TokenSubject subject = new TokenSubject(client.clientId(), List.of(), resource, null);
        return new TokenResponse(issuer.issue(subject, client.clientId(), scopes, null, clock.instant()), null);
    }
}
