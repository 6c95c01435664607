package dev.portcullis.oauth.client;

import dev.portcullis.config.AuthServerConfig;
import dev.portcullis.config.AuthServerSettings;
import dev.portcullis.oauth.model.MachineClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The operator-provisioned machine clients, read from MicroProfile Config on every lookup (a changed server.xml
 * variable applies at once): {@code portcullis.oauth.machine-clients} lists the ids, and for each id
 * {@code portcullis.oauth.machine-client.<id>.secret-hash} (required: {@code pbkdf2-sha256$<iterations>$<salt>$<hash>},
 * base64url, see src/docs/authorization-server.md), {@code .scopes} (the allowlist, default none),
 * {@code .auth-method} ({@code client_secret_basic}, the default, or {@code client_secret_post}) and {@code .name}.
 * Start-up refuses malformed settings ({@link AuthServerSettings}); should one change to a malformed value while
 * running, that client does not exist (logged as a warning, without the hash).
 *
 * <p>Anonymous registration never yields a {@code client_credentials} client: such a client acts with no user
 * behind it, so who it is and what it may do is the operator's decision.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.4">RFC 6749 section 4.4</a>
 */
@ApplicationScoped
public class MachineClients {

    private static final Logger LOG = Logger.getLogger(MachineClients.class.getName());

    @Inject
    private AuthServerConfig config;

    /** The provisioned machine client {@code clientId}, if the operator configured it completely. */
    public Optional<MachineClient> find(String clientId) {
        if (clientId == null
                || !AuthServerSettings.isMachineClientId(clientId)
                || !config.machineClientIds().contains(clientId)) {
            return Optional.empty();
        }
        Optional<String> hash = config.machineClientSetting(clientId, "secret-hash");
        if (hash.isEmpty() || !AuthServerSettings.isSecretHash(hash.get())) {
            LOG.warning(() -> "Machine client " + clientId + " has no valid portcullis.oauth.machine-client." + clientId
                    + ".secret-hash (pbkdf2-sha256$<iterations>$<salt>$<hash>); it is ignored.");
            return Optional.empty();
        }
        String method = config.machineClientSetting(clientId, "auth-method").orElse("client_secret_basic");
        if (!AuthServerSettings.MACHINE_CLIENT_AUTH_METHODS.contains(method)) {
            LOG.warning(() ->
                    "Machine client " + clientId + " has the unsupported auth-method " + method + "; it is ignored.");
            return Optional.empty();
        }
        return Optional.of(new MachineClient(
                clientId,
                hash.get(),
                method,
                config.machineClientSetting(clientId, "name").orElse(null),
                config.machineClientSetting(clientId, "scopes")
                        .map(s -> List.of(s.replace(',', ' ').trim().split("\\s+")))
                        .orElse(List.of())));
    }
}
