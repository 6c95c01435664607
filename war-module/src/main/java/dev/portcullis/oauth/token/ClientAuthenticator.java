package dev.portcullis.oauth.token;

import dev.portcullis.oauth.client.ClientResolver;
import dev.portcullis.oauth.client.RegisteredClient;
import dev.portcullis.oauth.error.TokenErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Authenticates a client at the token and revocation endpoints with the method it registered
 * ({@code token_endpoint_auth_method}): the secret over Basic or in the body, or nothing for public clients.
 * An unknown or deleted client, another method than the registered one, or a wrong secret is
 * {@code 401 invalid_client}, so that clients holding a forgotten client_id register again.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3">RFC 6749 section 2.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-2">RFC 7591 section 2 (token_endpoint_auth_method)</a>
 */
@ApplicationScoped
public class ClientAuthenticator {

    private static final Logger LOG = Logger.getLogger(ClientAuthenticator.class.getName());

    @Inject
    private ClientResolver clients;

    @Inject
    private VerifiedSecrets secrets;

    public RegisteredClient authenticate(ClientCredentials presented) {
        RegisteredClient client = clients.resolve(presented.clientId())
                .orElseThrow(() -> TokenErrors.invalidClient("the client is unknown; register it again"));
        String registered = client.tokenEndpointAuthMethod();
        if (!registered.equals(presented.method())) {
            LOG.fine(() -> "Client " + client.clientId() + " used " + presented.method() + " but registered " + registered + ".");
            throw TokenErrors.invalidClient("the client must authenticate with " + registered);
        }
        if (client.confidential() && !secrets.verify(client.clientId(), presented.secret())) {
            LOG.fine(() -> "Client " + client.clientId() + " presented a wrong or expired secret.");
            throw TokenErrors.invalidClient("client authentication failed");
        }
        return client;
    }
}
