package dev.portcullis.oauth.token;

import dev.portcullis.json.JsonInput;
import dev.portcullis.oauth.cimd.ClientMetadataDocuments;
import dev.portcullis.oauth.client.ClientResolver;
import dev.portcullis.oauth.client.MachineClients;
import dev.portcullis.oauth.error.TokenErrors;
import dev.portcullis.oauth.model.MachineClient;
import dev.portcullis.oauth.model.RegisteredClient;
import dev.portcullis.persistence.ClientEntity;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Authenticates a client at the token and revocation endpoints with the method it registered
 * ({@code token_endpoint_auth_method}): the secret over Basic or in the body, or nothing for public clients.
 * Operator-provisioned machine clients ({@link MachineClients}) are checked against their configured secret hash.
 * An unknown or deleted client, another method than the registered one, or a wrong secret is
 * {@code 401 invalid_client}, so that clients holding a forgotten client_id register again.
 *
 * <p>The client row is read in a short transaction of its own, which returns its connection before the grant starts
 * another. Read outside any transaction, the connection stayed with the request until it ended (the container's
 * local transaction keeps it for sharing), so a refresh or a code redemption held two connections at once; 16
 * concurrent refreshes in the token benchmark exhausted the 40-connection pool after a few minutes.
 *
 * <p>A session bean (container-managed transaction REQUIRED), not a CDI bean: the persistence unit belongs to this EJB
 * module, and Payara resolves a CDI bean's persistence context in its caller's module (the token endpoint's web
 * module, where "Unable to retrieve EntityManagerFactory for unitName portcullis" failed every token request).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3">RFC 6749 section 2.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-2">RFC 7591 section 2 (token_endpoint_auth_method)</a>
 */
@Stateless
public class ClientAuthenticator {

    private static final Logger LOG = Logger.getLogger(ClientAuthenticator.class.getName());

    @Inject
    private ClientResolver clients;

    @Inject
    private VerifiedSecrets secrets;

    @Inject
    private MachineClients machineClients;

    @Inject
    private ClientAuthenticationThrottle throttle;

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    /** Authenticates a caller whose address is unknown (in-process callers); see {@link #authenticate(ClientCredentials, String)}. */
    public RegisteredClient authenticate(ClientCredentials presented) {
        return authenticate(presented, null);
    }

    /**
     * Authenticates the client; {@code callerAddress} is the TCP peer as the server sees it, the key of the
     * {@link ClientAuthenticationThrottle wrong-secret backoff} (429 with {@code Retry-After} while it lasts).
     */
    public RegisteredClient authenticate(ClientCredentials presented, String callerAddress) {
        String clientId = presented.clientId();
        // An operator-provisioned machine client comes from configuration, with its secret hash. A registered client
        // is read once, for its metadata and its secret hash (the token endpoint's hot path); a metadata-document
        // client comes from the resolver and has no secret.
        Optional<MachineClient> machine = machineClients.find(clientId);
        ClientEntity registered =
                machine.isPresent() || ClientMetadataDocuments.isDocumentUrl(clientId) || clientId.length() > 64
                        ? null
                        : em.find(ClientEntity.class, clientId);
        RegisteredClient client = machine.isPresent()
                ? machine.get().asRegisteredClient()
                : registered != null
                        ? registeredClient(registered)
                        : ClientMetadataDocuments.isDocumentUrl(clientId)
                                ? clients.resolve(clientId).orElse(null)
                                : null;
        if (client == null) {
            throw TokenErrors.invalidClient("the client is unknown; register it again");
        }
        String method = client.tokenEndpointAuthMethod();
        if (!method.equals(presented.method())) {
            LOG.fine(() -> "Client " + clientId + " used " + presented.method() + " but registered " + method + ".");
            throw TokenErrors.invalidClient("the client must authenticate with " + method);
        }
        if (client.confidential()) {
            StoredSecret stored = machine.map(m -> new StoredSecret(m.secretHash(), null))
                    .orElseGet(() -> registered == null
                            ? null
                            : new StoredSecret(registered.getSecretHash(), registered.getSecretExpiresAt()));
            if (stored == null) {
                throw TokenErrors.invalidClient("client authentication failed");
            }
            if (secrets.recentlyVerified(clientId, stored.hash(), stored.expiresAt(), presented.secret())) {
                return client;
            }
            throttle.backoff(clientId, callerAddress).ifPresent(wait -> {
                throw TokenErrors.throttled(Math.max(1, (wait.toMillis() + 999) / 1000));
            });
            if (!secrets.verify(clientId, stored.hash(), stored.expiresAt(), presented.secret())) {
                throttle.failed(clientId, callerAddress);
                LOG.fine(() -> "Client " + clientId + " presented a wrong or expired secret.");
                throw TokenErrors.invalidClient("client authentication failed");
            }
            throttle.succeeded(clientId, callerAddress);
        }
        return client;
    }

    /** A confidential client's stored secret: its PBKDF2 hash and expiry (null: never, as for machine clients). */
    private record StoredSecret(String hash, Instant expiresAt) {}

    private static RegisteredClient registeredClient(ClientEntity entity) {
        return new RegisteredClient(
                entity.getClientId(),
                JsonInput.readObject(entity.getMetadata()),
                entity.getProvisionedBy() == null
                        ? RegisteredClient.Source.DYNAMIC_REGISTRATION
                        : RegisteredClient.Source.OPERATOR,
                entity.getIssuedAt());
    }
}
