package dev.portcullis.oauth.keys;

import dev.portcullis.config.AuthServerConfig;
import dev.portcullis.persistence.SigningKeyEntity;
import dev.portcullis.platform.StartupFailure;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The token signing keys. On first start an ES256 key pair is generated and stored, its private half
 * AES-GCM-encrypted ({@link KeyEncryption}); later starts load it, so tokens stay valid across restarts.
 * Alternatively the key comes from a PKCS#12 keystore ({@code portcullis.oauth.keys.keystore}) and nothing is stored.
 *
 * <p>Rotation: at start-up the active key is replaced when it is older than {@code portcullis.oauth.keys.max-age}
 * or was created before {@code portcullis.oauth.keys.rotate-before}; {@link #rotate()} does it on demand. A
 * retired key stays in the JWKS for {@code portcullis.oauth.keys.retention}, the longest token lifetime.
 *
 * <p>Several servers on one database: the first start takes an exclusive lock on the key table before it reads it,
 * so two servers starting at once on an empty database create one key, not one each (a second active key would
 * be published by nobody else). Every server reloads the keys every {@code portcullis.oauth.keys.refresh-interval}
 * (default one minute), so a key another server rotated in is published and used here within that interval; the
 * retired key stays valid meanwhile (retention). The key-encryption key must be the same on every server.
 *
 * <p>ES256 rather than RS256: P-256 keys are generated in milliseconds, signatures are 64 bytes, and MicroProfile
 * JWT 2.1 and every MCP client library verify it.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7518#section-3.4">RFC 7518 section 3.4 (ES256)</a>
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @Inject
    private AuthServerConfig config;

    @Resource
    private TimerService timers;

    @Inject
    private Clock clock;

    private volatile List<SigningKey> keys = List.of();

    @PostConstruct
    void load() {
        try {
            if (config.keystore().isPresent()) {
                keys = List.of(KeyMaterial.fromKeystore(
                        Path.of(config.keystore().get()),
                        config.keystorePassword().toCharArray(),
                        config.keystoreAlias().orElse(null)));
                LOG.info(() -> "Signing key " + keys.get(0).kid() + " loaded from the configured keystore.");
                return;
            }
            // Held to the end of this start-up transaction: another server starting now waits, then finds this key.
            em.createNativeQuery("LOCK TABLE OAUTH_SIGNING_KEY IN EXCLUSIVE MODE")
                    .executeUpdate();
            keys = loadStored(encryption());
            if (keys.isEmpty() || rotationDue(keys.get(0))) {
                rotate();
            }
            long interval = config.signingKeyRefreshInterval().toMillis();
            timers.createIntervalTimer(interval, interval, new TimerConfig("reload signing keys", false));
            LOG.info(() -> "Signing key " + keys.get(0).kid() + " is active; " + keys.size() + " key(s) published.");
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new StartupFailure("the token signing keys could not be loaded ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "). Check portcullis.oauth.keys.* and the key-encryption key.");
        }
    }

    /**
     * Reloads the stored keys: a rotation by another server sharing the database becomes visible here. A failed
     * reload (database unreachable) keeps the keys in force; the next one retries.
     */
    @Timeout
    @Lock(LockType.WRITE)
    void reload() {
        try {
            List<SigningKey> stored = loadStored(encryption());
            if (!stored.isEmpty() && !stored.equals(keys)) {
                keys = stored;
                LOG.info(() -> "Signing keys reloaded: " + stored.get(0).kid() + " is active; " + stored.size()
                        + " key(s) published.");
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.warning(() -> "The signing keys could not be reloaded ("
                    + e.getClass().getSimpleName() + "); the loaded keys stay in force.");
        }
    }

    /** The key that signs new tokens. Reads no database, so it joins no transaction (one per token otherwise). */
    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public SigningKey active() {
        return keys.get(0);
    }

    /** The keys whose public halves the JWKS publishes: the active key first, then retired keys still in use. */
    @Lock(LockType.READ)
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<SigningKey> published() {
        return keys;
    }

    /** Whether {@link #rotate()} can run: not when the keys come from a keystore, which is rotated by replacing it. */
    public boolean rotatable() {
        return config.keystore().isEmpty();
    }

    /** Generates a new active key and retires the current one (kept published for the retention period). */
    @Lock(LockType.WRITE)
    public SigningKey rotate() {
        if (config.keystore().isPresent()) {
            throw new IllegalStateException("keys from a keystore are rotated by replacing the keystore");
        }
        Instant now = clock.instant();
        SigningKey fresh = KeyMaterial.generate(now);
        try {
            KeyEncryption encryption = encryption();
            for (SigningKeyEntity entity : em.createNamedQuery(SigningKeyEntity.FIND_ALL, SigningKeyEntity.class)
                    .getResultList()) {
                if (entity.getRetiredAt() == null) {
                    entity.retire(now);
                }
            }
            em.persist(new SigningKeyEntity(
                    fresh.kid(),
                    SigningKey.ALGORITHM,
                    KeyMaterial.encodePublic(fresh.publicKey()),
                    encryption.encrypt(fresh.privateKey().getEncoded(), fresh.kid()),
                    now));
            em.flush();
            List<SigningKey> updated = new ArrayList<>();
            updated.add(fresh);
            keys.stream()
                    .map(k -> k.retiredAt() != null
                            ? k
                            : new SigningKey(k.kid(), k.publicKey(), k.privateKey(), k.createdAt(), now))
                    .filter(this::stillPublished)
                    .forEach(updated::add);
            keys = List.copyOf(updated);
            LOG.info(() -> "Signing keys rotated: " + fresh.kid() + " is now active.");
            return fresh;
        } catch (IOException e) {
            throw new IllegalStateException("the key-encryption key is not readable", e);
        }
    }

    private List<SigningKey> loadStored(KeyEncryption encryption) throws GeneralSecurityException {
        List<SigningKey> loaded = new ArrayList<>();
        for (SigningKeyEntity entity : em.createNamedQuery(SigningKeyEntity.FIND_ALL, SigningKeyEntity.class)
                .getResultList()) {
            SigningKey key = new SigningKey(
                    entity.getKid(),
                    KeyMaterial.decodePublic(entity.getPublicKey()),
                    KeyMaterial.decodePrivate(encryption.decrypt(entity.getEncryptedPrivateKey(), entity.getKid())),
                    entity.getCreatedAt(),
                    entity.getRetiredAt());
            if (key.retiredAt() == null ? loaded.stream().noneMatch(k -> k.retiredAt() == null) : stillPublished(key)) {
                loaded.add(key);
            }
        }
        loaded.sort((a, b) -> a.retiredAt() == null
                ? -1
                : b.retiredAt() == null ? 1 : b.createdAt().compareTo(a.createdAt()));
        return loaded.isEmpty() || loaded.get(0).retiredAt() != null ? List.of() : loaded;
    }

    private boolean rotationDue(SigningKey active) {
        Instant now = clock.instant();
        boolean tooOld = active.createdAt().plus(config.signingKeyMaxAge()).isBefore(now);
        boolean forced = config.rotateKeysCreatedBefore()
                .map(active.createdAt()::isBefore)
                .orElse(false);
        return tooOld || forced;
    }

    private boolean stillPublished(SigningKey key) {
        return key.retiredAt() == null
                || key.retiredAt().plus(config.retiredKeyRetention()).isAfter(clock.instant());
    }

    private KeyEncryption encryption() throws IOException {
        return config.keyEncryptionKey().isPresent()
                ? KeyEncryption.fromBase64(config.keyEncryptionKey().get())
                : KeyEncryption.fromFile(Path.of(config.keyEncryptionKeyFile()));
    }
}
