package dev.portcullis.oauth.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records that a registered client obtained a token, for {@link UnusedClientPurge}. To the hour: the column is
 * written at most once an hour per client (a conditional UPDATE, skipped entirely when this server wrote it within
 * the hour), so the token endpoint's hot path does not write a row per token.
 */
@ApplicationScoped
public class ClientUsage {

    static final Duration GRANULARITY = Duration.ofHours(1);
    private static final int MAX_REMEMBERED = 10_000;

    @Inject
    private ClientUsageWrites writes;

    @Inject
    private Clock clock;

    private final Map<String, Instant> written = new ConcurrentHashMap<>();

    /** Marks {@code clientId} as used now; the database only hears of it once an hour per client and server. */
    public void used(String clientId) {
        Instant now = clock.instant();
        Instant last = written.get(clientId);
        if (last != null && last.plus(GRANULARITY).isAfter(now)) {
            return;
        }
        writes.markUsed(clientId, now);
        if (written.size() >= MAX_REMEMBERED) {
            written.clear();
        }
        written.put(clientId, now);
    }

    /** Forgets what this server wrote (the purge removed the client, or a test moved time). */
    void forget(String clientId) {
        written.remove(clientId);
    }
}
