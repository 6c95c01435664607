package dev.portcullis.oauth.token;

import dev.portcullis.config.AuthServerConfig;
import dev.portcullis.oauth.caller.CallerNetwork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down wrong client secrets, which each cost a PBKDF2 ({@link VerifiedSecrets}), without letting anyone lock
 * a client out. Failures are counted per client <em>and caller address</em> (the TCP peer as the server sees it, an
 * IPv6 address by its /64), so an attacker's failures slow down only the attacker's own address: the client's
 * legitimate calls come from elsewhere and are never counted against. After
 * {@code portcullis.oauth.client-auth.failures-before-backoff} failures in a row (default 5) that address waits
 * 1 s before its next attempt for the client, then 2 s, 4 s, ... up to
 * {@code portcullis.oauth.client-auth.max-backoff} (default PT10S): a short backoff, not a lockout. A success resets
 * the count; a quiet quarter of an hour forgets it. Attempts in the backoff are answered without any PBKDF2.
 *
 * <p>Memory is bounded: past {@value #MAX_TRACKED} tracked pairs, the forgotten ones are dropped, then all.
 */
@ApplicationScoped
public class ClientAuthenticationThrottle {

    static final int MAX_TRACKED = 10_000;
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    @Inject
    private AuthServerConfig config;

    @Inject
    private Clock clock;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    /** How long the caller must still wait before an attempt for this client; empty when it may try now. */
    public Optional<Duration> backoff(String clientId, String callerAddress) {
        Failures current = failures.get(key(clientId, callerAddress));
        Instant now = clock.instant();
        if (current == null || !now.isBefore(current.blockedUntil)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, current.blockedUntil));
    }

    /** Counts a wrong secret; from the threshold on, each failure doubles the wait (up to the maximum). */
    public void failed(String clientId, String callerAddress) {
        Instant now = clock.instant();
        int threshold = Math.max(1, config.clientAuthFailuresBeforeBackoff());
        Duration max = config.clientAuthMaxBackoff();
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(f -> f.last.plus(FORGET_AFTER).isBefore(now));
            if (failures.size() >= MAX_TRACKED) {
                failures.clear();
            }
        }
        failures.compute(key(clientId, callerAddress), (k, f) -> {
            int count = f == null || f.last.plus(FORGET_AFTER).isBefore(now) ? 1 : f.count + 1;
            Instant blockedUntil = now;
            if (count >= threshold) {
                Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(20, count - threshold));
                blockedUntil = now.plus(wait.compareTo(max) > 0 ? max : wait);
            }
            return new Failures(count, now, blockedUntil);
        });
    }

    /** A right secret: this address starts afresh for this client. */
    public void succeeded(String clientId, String callerAddress) {
        if (!failures.isEmpty()) {
            failures.remove(key(clientId, callerAddress));
        }
    }

    /** Client id and the caller's network ({@link CallerNetwork}). */
    static String key(String clientId, String callerAddress) {
        return clientId + '\n' + CallerNetwork.of(callerAddress);
    }

    private record Failures(int count, Instant last, Instant blockedUntil) {}
}
