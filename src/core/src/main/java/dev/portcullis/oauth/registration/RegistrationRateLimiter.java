package dev.portcullis.oauth.registration;

import dev.portcullis.config.AuthServerConfig;
import dev.portcullis.oauth.caller.CallerNetwork;
import dev.portcullis.oauth.error.OAuthError;
import dev.portcullis.oauth.error.OAuthErrorCodes;
import dev.portcullis.oauth.error.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits registrations per caller network ({@link CallerNetwork}: the TCP peer address, an IPv6 address by its
 * /64), a key the caller cannot choose. Keys taken from the request body ({@code software_id}, {@code client_name})
 * let a caller escape the limit by varying them, and exhaust another software's budget by copying its values.
 * Hosted MCP clients that share egress addresses share a budget, so the limit is generous and configurable.
 * Fixed windows, in memory (per server): {@code portcullis.oauth.registration.rate-limit} registrations per
 * {@code rate-window}. Invalid requests are refunded, so a client fixing its metadata is not locked out by its own
 * mistakes.
 */
@ApplicationScoped
public class RegistrationRateLimiter {

    private static final int MAX_TRACKED = 10_000;

    @Inject
    private AuthServerConfig config;

    @Inject
    private Clock clock;

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** Counts one registration attempt from {@code callerAddress}; throws 429 once the limit is passed. */
    public void acquire(String callerAddress) {
        long now = clock.millis();
        long windowMillis = config.registrationRateWindow().toMillis();
        int limit = config.registrationRateLimit();
        if (windows.size() > MAX_TRACKED) {
            windows.values().removeIf(w -> now - w.start >= windowMillis);
        }
        Window window = windows.compute(
                CallerNetwork.of(callerAddress),
                (key, w) -> w == null || now - w.start >= windowMillis
                        ? new Window(now, 1)
                        : new Window(w.start, w.count + 1));
        if (window.count > limit) {
            throw new OAuthException(
                    new OAuthError(
                            OAuthErrorCodes.TEMPORARILY_UNAVAILABLE,
                            "too many registrations from this address; retry later",
                            429),
                    Math.max(1, (window.start + windowMillis - now + 999) / 1000));
        }
    }

    /** Gives back an attempt that registered nothing (it was invalid), so only stored registrations count. */
    public void release(String callerAddress) {
        windows.computeIfPresent(
                CallerNetwork.of(callerAddress), (key, w) -> new Window(w.start, Math.max(0, w.count - 1)));
    }

    private record Window(long start, int count) {}
}
