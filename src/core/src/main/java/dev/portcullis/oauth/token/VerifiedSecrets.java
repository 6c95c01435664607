package dev.portcullis.oauth.token;

import dev.portcullis.config.AuthServerConfig;
import dev.portcullis.oauth.keys.Secrets;
import dev.portcullis.persistence.ClientEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies client secrets against their stored PBKDF2 hash ({@link Secrets}), and remembers a successful
 * verification for {@code portcullis.oauth.client-secret.verified-cache} (default five minutes), so that a client
 * asking for many tokens pays the PBKDF2 cost (5-6 ms of CPU) once, not per token.
 *
 * <p>The cache key is the SHA-256 of client id, presented secret and the stored hash, so the plain secret is never
 * kept, and a changed secret, a deleted client or an expired secret is noticed at once: the stored record is read
 * on every call. For a 256-bit random secret a SHA-256 is as hard to reverse as the PBKDF2 hash; the slow hash
 * protects the database, not this memory. Only successes are cached, so guessing still costs PBKDF2 each time.
 * The caller passes the client row it has just read, so nothing here is older than the request.
 */
@ApplicationScoped
public class VerifiedSecrets {

    /** Bounded memory: past this many entries the cache starts again. */
    static final int MAX_ENTRIES = 10_000;

    @Inject
    private AuthServerConfig config;

    @Inject
    private Clock clock;

    private final ConcurrentHashMap<String, Instant> verified = new ConcurrentHashMap<>();

    /**
     * Whether {@code secret} was verified recently and is still the client's current, unexpired secret: a check
     * without PBKDF2, so a client that authenticated recently passes even while its caller address is throttled.
     */
    public boolean recentlyVerified(ClientEntity client, String secret) {
        return recentlyVerified(client.getClientId(), client.getSecretHash(), client.getSecretExpiresAt(), secret);
    }

    /** {@link #recentlyVerified(ClientEntity, String)} for a secret hash kept elsewhere (a provisioned machine client). */
    public boolean recentlyVerified(String clientId, String secretHash, Instant expiresAt, String secret) {
        if (secret == null || secretHash == null) {
            return false;
        }
        Instant now = clock.instant();
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return false;
        }
        Instant until = verified.get(Secrets.fastHash(clientId + '\n' + secret + '\n' + secretHash));
        return until != null && now.isBefore(until);
    }

    /** Whether {@code secret} is the registered client's current, unexpired secret. */
    public boolean verify(ClientEntity client, String secret) {
        return verify(client.getClientId(), client.getSecretHash(), client.getSecretExpiresAt(), secret);
    }

    /** Whether {@code secret} matches {@code secretHash} of client {@code clientId}, unexpired ({@code expiresAt} null: never). */
    public boolean verify(String clientId, String secretHash, Instant expiresAt, String secret) {
        if (secret == null || secretHash == null) {
            return false;
        }
        Instant now = clock.instant();
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return false;
        }
        String key = Secrets.fastHash(clientId + '\n' + secret + '\n' + secretHash);
        Instant until = verified.get(key);
        if (until != null && now.isBefore(until)) {
            return true;
        }
        if (!Secrets.matches(secret, secretHash)) {
            return false;
        }
        remember(key, now);
        return true;
    }

    private void remember(String key, Instant now) {
        Duration lifetime = config.verifiedSecretCacheLifetime();
        if (lifetime.isZero()) {
            return;
        }
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(key, now.plus(lifetime));
    }
}
