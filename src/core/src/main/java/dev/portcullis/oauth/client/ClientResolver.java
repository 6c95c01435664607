package dev.portcullis.oauth.client;

import dev.portcullis.audit.AuditEvent;
import dev.portcullis.audit.AuditEventType;
import dev.portcullis.audit.AuditTrail;
import dev.portcullis.config.AuthServerConfig;
import dev.portcullis.oauth.cimd.ClientMetadataDocuments;
import dev.portcullis.oauth.cimd.MetadataDocumentException;
import dev.portcullis.oauth.cimd.MetadataDocumentFetcher;
import dev.portcullis.oauth.cimd.SsrfGuard;
import dev.portcullis.oauth.cimd.TrustedCertificates;
import dev.portcullis.oauth.metadata.SupportedScopes;
import dev.portcullis.oauth.model.MachineClient;
import dev.portcullis.oauth.model.RegisteredClient;
import dev.portcullis.oauth.registration.ClientMetadataValidator;
import dev.portcullis.oauth.registration.ClientRegistrationService;
import dev.portcullis.oauth.registration.RedirectUriPolicy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Answers "who is this client_id?" for the authorization and token endpoints: an operator-provisioned machine
 * client, a dynamically registered client, or, when the id is an https URL, the client its metadata document describes. Unknown ids and unusable
 * documents resolve to nothing (the reason is logged at FINE), so callers answer {@code invalid_client}.
 */
@ApplicationScoped
public class ClientResolver {

    /**
     * Metadata document fetches run here, not on the request thread (Jakarta Concurrency 3.0 section 3.1.4.3); the
     * executor is defined on {@link CimdFetchExecutor}.
     */
    static final String FETCH_EXECUTOR = "java:app/concurrent/cimdFetches";

    static final int MAX_FETCH_THREADS = 8;

    @Resource(lookup = FETCH_EXECUTOR)
    private ManagedExecutorService fetchExecutor;

    private static final Logger LOG = Logger.getLogger(ClientResolver.class.getName());

    @EJB
    private ClientRegistrationService registry;

    @Inject
    private AuthServerConfig config;

    @Inject
    private SupportedScopes scopes;

    @Inject
    private MachineClients machineClients;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    private volatile ClientMetadataDocuments documents;

    public Optional<RegisteredClient> resolve(String clientId) {
        if (!ClientMetadataDocuments.isDocumentUrl(clientId)) {
            Optional<RegisteredClient> provisioned =
                    machineClients.find(clientId).map(MachineClient::asRegisteredClient);
            return provisioned.isPresent() ? provisioned : registry.find(clientId);
        }
        try {
            return Optional.of(resolveDocument(clientId));
        } catch (MetadataDocumentException e) {
            LOG.fine(() -> "Client metadata document " + clientId + " not usable: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The client a metadata document describes, or why it cannot be used. */
    public RegisteredClient resolveDocument(String clientId) throws MetadataDocumentException {
        ClientMetadataDocuments current = documents();
        if (current.cached(clientId)) {
            return current.resolve(clientId);
        }
        try {
            RegisteredClient client = current.resolve(clientId);
            audit.record(AuditEvent.of(AuditEventType.CIMD_FETCHED).client(clientId));
            return client;
        } catch (MetadataDocumentException e) {
            audit.record(
                    AuditEvent.of(AuditEventType.CIMD_FETCHED).client(clientId).failed(e.getMessage()));
            throw e;
        }
    }

    private ClientMetadataDocuments documents() throws MetadataDocumentException {
        ClientMetadataDocuments current = documents;
        if (current == null) {
            synchronized (this) {
                if (documents == null) {
                    try {
                        MetadataDocumentFetcher fetcher = new MetadataDocumentFetcher(
                                new SsrfGuard(config.metadataDocumentTestAllowList()),
                                TrustedCertificates.sslContext(config.metadataDocumentTrustedCertificates()
                                        .map(Path::of)),
                                Duration.ofSeconds(3),
                                config.metadataDocumentFetchTimeout(),
                                clock);
                        documents = new ClientMetadataDocuments(
                                fetcher,
                                new ClientMetadataValidator(
                                        RedirectUriPolicy.fromSetting(
                                                config.privateUseSchemes(), config.knownPrivateUseRedirects()),
                                        scopes.all(),
                                        config.registrationDefaultScopes()),
                                clock,
                                fetchExecutor,
                                new ClientMetadataDocuments.FetchLimits(
                                        config.metadataDocumentMaxFetchesPerHost(),
                                        config.metadataDocumentMaxFetches(),
                                        config.metadataDocumentFailureCache()));
                    } catch (IOException | GeneralSecurityException e) {
                        throw new MetadataDocumentException("the TLS trust for metadata documents could not be set up");
                    }
                }
                current = documents;
            }
        }
        return current;
    }
}
