package dev.portcullis.oauth.registration;

import dev.portcullis.audit.AuditEvent;
import dev.portcullis.audit.AuditEventType;
import dev.portcullis.audit.AuditTrail;
import dev.portcullis.config.AuthServerConfig;
import dev.portcullis.json.JsonInput;
import dev.portcullis.json.Jsons;
import dev.portcullis.oauth.error.OAuthException;
import dev.portcullis.oauth.keys.Secrets;
import dev.portcullis.oauth.metadata.SupportedScopes;
import dev.portcullis.oauth.model.RegisteredClient;
import dev.portcullis.persistence.ClientEntity;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The client registry: the only writer of client records, and one JTA transaction per call, committed before the
 * registration endpoint answers. Validation happens here, so every path into the registry enforces the same rules.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591">RFC 7591</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7592">RFC 7592</a>
 */
@Stateless
public class ClientRegistrationService {

    /** Fields a client must not send in an RFC 7592 update (section 2.2). */
    private static final List<String> SERVER_FIELDS = List.of(
            "registration_access_token", "registration_client_uri", "client_secret_expires_at", "client_id_issued_at");

    private static final String MACHINE_CLIENTS_CLOSED = "the client_credentials grant is not open to registration "
            + "without the initial access token; ask the operator for a machine client";
    private static final Logger LOG = Logger.getLogger(ClientRegistrationService.class.getName());

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @Inject
    private AuthServerConfig config;

    @Inject
    private SupportedScopes scopes;

    @Inject
    private Event<ClientDeleted> deleted;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    /**
     * The metadata {@link #register(JsonValue)} would store for {@code request}, storing nothing: an
     * {@link OAuthException} says why registration would refuse it. The console's self-test
     * asks it for each known client.
     */
    public JsonObject wouldRegister(JsonValue request) {
        return validator().validate(request);
    }

    /** Registers a client for an anonymous caller: {@link #register(JsonValue, boolean)} without the initial access token. */
    public Registration register(JsonValue request) {
        return register(request, false);
    }

    /**
     * Registers a client (RFC 7591 section 3.1); the result carries its secret and registration token once. A
     * {@code client_credentials} client is registered only for a caller that presented the initial access token
     * ({@code withInitialAccessToken}): anonymously it is {@code invalid_client_metadata}, the RFC 7591 section
     * 3.2.2 error for a metadata value the server does not accept.
     */
    public Registration register(JsonValue request, boolean withInitialAccessToken) {
        JsonObject metadata = validator().validate(request);
        if (!withInitialAccessToken && isMachineClient(metadata)) {
            throw OAuthException.invalidClientMetadata(MACHINE_CLIENTS_CLOSED);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String token = Secrets.random(32);
        ClientEntity client = new ClientEntity(Secrets.random(16), Secrets.fastHash(token), now);
        String secret = applyMetadata(client, metadata, now);
        em.persist(client);
        em.flush();
        LOG.fine(() -> "Registered client " + client.getClientId() + " (" + client.getTokenEndpointAuthMethod() + ").");
        audit.record(AuditEvent.of(AuditEventType.CLIENT_REGISTERED)
                .client(client.getClientId())
                .detail("token_endpoint_auth_method", client.getTokenEndpointAuthMethod())
                .detail("client_name", ClientMetadataValidator.optionalText(metadata, "client_name", null))
                .detail("initial_access_token", withInitialAccessToken));
        return registration(client, secret, token);
    }

    /** The longest name a machine client provisioned in the console may have. */
    public static final int MAX_MACHINE_CLIENT_NAME = 100;

    /**
     * Provisions a machine client for an operator (the console): a confidential {@code client_credentials} client
     * whose registered {@code scope} is its allowlist (no ceiling from {@code registration.machine-client-scopes}:
     * the operator chose it), kept by the unused-client purge. Its registration access token is drawn and thrown
     * away, so RFC 7592 is closed to it and only operators manage it. The result carries the secret this once.
     * {@code invalid_client_metadata} for an empty, over-long or control-character name, no scope, a scope this
     * server does not support, or another method than {@code client_secret_basic} / {@code client_secret_post};
     * nothing is stored then.
     */
    public Registration provisionMachineClient(
            String name, List<String> scopeAllowlist, String authMethod, String operator) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()
                || cleanName.length() > MAX_MACHINE_CLIENT_NAME
                || cleanName.codePoints().anyMatch(Character::isISOControl)) {
            throw OAuthException.invalidClientMetadata(
                    "the name must have 1 to " + MAX_MACHINE_CLIENT_NAME + " characters, none a control character");
        }
        List<String> allowlist = scopeAllowlist == null
                ? List.of()
                : scopeAllowlist.stream().distinct().toList();
        if (allowlist.isEmpty() || !scopes.all().containsAll(allowlist)) {
            throw OAuthException.invalidClientMetadata("choose one or more of the scopes this server supports");
        }
        if (!"client_secret_basic".equals(authMethod) && !"client_secret_post".equals(authMethod)) {
            throw OAuthException.invalidClientMetadata(
                    "the authentication method must be client_secret_basic or client_secret_post");
        }
        JsonObject metadata = validator()
                .validate(Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("client_name", cleanName)
                        .add("token_endpoint_auth_method", authMethod)
                        .add("grant_types", Jsons.PROVIDER.createArrayBuilder().add("client_credentials"))
                        .add("response_types", Jsons.PROVIDER.createArrayBuilder())
                        .add("scope", String.join(" ", allowlist))
                        .build());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ClientEntity client = new ClientEntity(Secrets.random(16), Secrets.fastHash(Secrets.random(32)), now);
        client.setProvisionedBy(operator);
        String secret = applyMetadata(client, metadata, now);
        em.persist(client);
        em.flush();
        audit.record(AuditEvent.of(AuditEventType.CLIENT_REGISTERED)
                .subject(operator)
                .client(client.getClientId())
                .detail("by", "operator")
                .detail("grant_types", "client_credentials")
                .detail("scope", String.join(" ", allowlist))
                .detail("token_endpoint_auth_method", authMethod)
                .detail("client_name", cleanName));
        return registration(client, secret, null);
    }

    /** The client's registration (RFC 7592 section 2.1), for the holder of its registration access token. */
    public Registration read(String clientId, String registrationAccessToken) {
        return registration(authorized(clientId, registrationAccessToken), null, registrationAccessToken);
    }

    /** Replaces the client's metadata (RFC 7592 section 2.2). A client that becomes confidential gets a new secret. */
    public Registration update(String clientId, String registrationAccessToken, JsonValue request) {
        ClientEntity client = authorized(clientId, registrationAccessToken);
        if (request == null || request.getValueType() != JsonValue.ValueType.OBJECT) {
            throw OAuthException.invalidClientMetadata("the request body must be a JSON object");
        }
        JsonObject body = request.asJsonObject();
        if (!clientId.equals(ClientMetadataValidator.optionalText(body, "client_id", null))) {
            throw OAuthException.invalidClientMetadata("client_id must be present and equal this client's id");
        }
        for (String field : SERVER_FIELDS) {
            if (body.containsKey(field)) {
                throw OAuthException.invalidClientMetadata(field + " must not be sent in an update");
            }
        }
        String presentedSecret = ClientMetadataValidator.optionalText(body, "client_secret", null);
        if (presentedSecret != null && !Secrets.matches(presentedSecret, client.getSecretHash())) {
            throw OAuthException.invalidClientMetadata("client_secret does not match the current secret");
        }
        JsonObject metadata = validator()
                .validate(Jsons.PROVIDER
                        .createObjectBuilder(body)
                        .remove("client_id")
                        .remove("client_secret")
                        .build());
        if (isMachineClient(metadata) && !isMachineClient(parse(client.getMetadata()))) {
            throw OAuthException.invalidClientMetadata(MACHINE_CLIENTS_CLOSED); // no becoming one by an update either
        }
        String secret = applyMetadata(client, metadata, clock.instant().truncatedTo(ChronoUnit.SECONDS));
        audit.record(AuditEvent.of(AuditEventType.CLIENT_UPDATED)
                .client(clientId)
                .detail("token_endpoint_auth_method", client.getTokenEndpointAuthMethod())
                .detail("new_secret", secret != null));
        return registration(client, secret, registrationAccessToken);
    }

    /**
     * Deletes the client (RFC 7592 section 2.3): its secret and registration token stop working at once, and
     * {@link ClientDeleted} revokes, in the same transaction, every token and code it was issued.
     */
    public void delete(String clientId, String registrationAccessToken) {
        em.remove(authorized(clientId, registrationAccessToken));
        deleted.fire(new ClientDeleted(clientId));
        LOG.fine(() -> "Deleted client " + clientId + ".");
        audit.record(AuditEvent.of(AuditEventType.CLIENT_DELETED).client(clientId));
    }

    /**
     * Deletes a registered client for an operator (the console), as {@link #delete} does for the client itself: its
     * secret and registration token stop working at once and {@link ClientDeleted} revokes its tokens and codes.
     * False when no such client is registered.
     */
    public boolean deleteAsOperator(String clientId, String operator) {
        ClientEntity client = stored(clientId);
        if (client == null) {
            return false;
        }
        em.remove(client);
        deleted.fire(new ClientDeleted(clientId));
        audit.record(AuditEvent.of(AuditEventType.CLIENT_DELETED)
                .subject(operator)
                .client(clientId)
                .detail("by", "operator"));
        return true;
    }

    /**
     * A new secret for a confidential client, replacing the old one at once (a cached verification of the old one
     * no longer matches the stored hash). The plain secret is returned this once and never stored; empty for an
     * unknown or public client.
     */
    public Optional<String> rotateSecret(String clientId, String operator) {
        ClientEntity client = stored(clientId);
        if (client == null || client.getSecretHash() == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String secret = newSecret(client, now);
        client.setUpdatedAt(now);
        audit.record(AuditEvent.of(AuditEventType.CLIENT_UPDATED)
                .subject(operator)
                .client(clientId)
                .detail("change", "secret_rotated"));
        return Optional.of(secret);
    }

    /** A registered client by id. */
    public Optional<RegisteredClient> find(String clientId) {
        return Optional.ofNullable(
                        clientId == null || clientId.length() > 64 ? null : em.find(ClientEntity.class, clientId))
                .map(c -> new RegisteredClient(
                        c.getClientId(),
                        parse(c.getMetadata()),
                        c.getProvisionedBy() == null
                                ? RegisteredClient.Source.DYNAMIC_REGISTRATION
                                : RegisteredClient.Source.OPERATOR,
                        c.getIssuedAt()));
    }

    /** Whether {@code secret} is the client's current, unexpired secret. */
    public boolean verifySecret(String clientId, String secret) {
        ClientEntity client = clientId == null || clientId.length() > 64 ? null : em.find(ClientEntity.class, clientId);
        if (client == null || client.getSecretHash() == null) {
            return false;
        }
        Instant expires = client.getSecretExpiresAt();
        return (expires == null || clock.instant().isBefore(expires))
                && Secrets.matches(secret, client.getSecretHash());
    }

    private ClientEntity authorized(String clientId, String registrationAccessToken) {
        ClientEntity client = clientId == null || clientId.length() > 64 ? null : em.find(ClientEntity.class, clientId);
        if (client == null || !Secrets.matches(registrationAccessToken, client.getRegistrationTokenHash())) {
            throw OAuthException.invalidToken("the registration access token is not valid for this client");
        }
        return client;
    }

    /** Stores the metadata; returns a new plain secret when one was issued. */
    private String applyMetadata(ClientEntity client, JsonObject metadata, Instant now) {
        String method = metadata.getString("token_endpoint_auth_method");
        boolean wasConfidential = client.getSecretHash() != null;
        client.setMetadata(metadata.toString());
        client.setTokenEndpointAuthMethod(method);
        client.setUpdatedAt(now);
        if ("none".equals(method)) {
            client.setSecret(null, null);
            return null;
        }
        if (wasConfidential) {
            return null;
        }
        return newSecret(client, now);
    }

    /** Issues a fresh random secret: only its slow hash and expiry are stored. */
    private String newSecret(ClientEntity client, Instant now) {
        String secret = Secrets.random(32);
        Duration lifetime = config.clientSecretLifetime();
        client.setSecret(
                Secrets.slowHash(secret, config.clientSecretHashIterations()),
                lifetime.isZero() ? null : now.plus(lifetime));
        return secret;
    }

    private ClientEntity stored(String clientId) {
        return clientId == null || clientId.length() > 64 ? null : em.find(ClientEntity.class, clientId);
    }

    private Registration registration(ClientEntity client, String secret, String token) {
        return new Registration(
                client.getClientId(),
                parse(client.getMetadata()),
                client.getIssuedAt(),
                client.getSecretHash() != null,
                secret,
                client.getSecretExpiresAt(),
                token);
    }

    private ClientMetadataValidator validator() {
        return new ClientMetadataValidator(
                RedirectUriPolicy.fromSetting(config.privateUseSchemes(), config.knownPrivateUseRedirects()),
                scopes.all(),
                config.registrationDefaultScopes());
    }

    private static boolean isMachineClient(JsonObject metadata) {
        return new RegisteredClient("-", metadata, RegisteredClient.Source.DYNAMIC_REGISTRATION)
                .grantTypes()
                .contains("client_credentials");
    }

    private static JsonObject parse(String json) {
        return JsonInput.readObject(json);
    }
}
