package dev.portcullis.oauth.revocation;

import dev.portcullis.config.AuthServerConfig;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The resource server's revocation check, {@link #isRevoked(String, String, Instant)}: hash lookups in memory, no
 * database access on the request path.
 *
 * <p>What it knows: the {@code jti}s of access tokens revoked one by one (RFC 7009) that have not expired, the
 * ids of token families revoked within the last access-token lifetime (a family's access tokens carry its id as
 * the {@code jti} prefix, {@code <family id>.<random>}; a withdrawn consent or a replayed code revokes the families
 * of that client and user), and clients deleted within that lifetime (their tokens issued up to the deletion, by
 * {@code client_id} and {@code iat}). Revocations made on this server count at once; the sets
 * are reloaded from the database every {@code portcullis.oauth.revocation.refresh-interval} (default 5 s) by
 * {@link RevocationListRefresh}, so another server sharing the database learns a revocation within that interval.
 * If a reload fails, the last sets stay in force and the next reload retries.
 */
@ApplicationScoped
public class AccessTokenRevocations {

    private static final Logger LOG = Logger.getLogger(AccessTokenRevocations.class.getName());
    /** Tolerance for clocks of replicas that disagree slightly. */
    private static final Duration SKEW = Duration.ofMinutes(1);

    @EJB
    private RevocationService service;

    @Inject
    private AuthServerConfig config;

    @Inject
    private Clock clock;

    private volatile Snapshot snapshot;
    /** Revocations made here, kept across reloads until a reload has surely seen them. Keys: jti or "family:" + id. */
    private final ConcurrentHashMap<String, Instant> local = new ConcurrentHashMap<>();
    /** Clients deleted here, until a reload has surely seen them: client id to the deletion instant. */
    private final ConcurrentHashMap<String, Instant> localClients = new ConcurrentHashMap<>();

    /** Whether the access token with this {@code jti} was revoked (by itself, or with its family or grant). */
    public boolean isRevoked(String jti) {
        if (jti == null) {
            return false;
        }
        Snapshot current = snapshot != null ? snapshot : initialLoad();
        int dot = jti.indexOf('.');
        String family = dot > 0 ? jti.substring(0, dot) : null;
        return current.jtis().contains(jti)
                || family != null && current.families().contains(family)
                || !local.isEmpty()
                        && (local.containsKey(jti) || family != null && local.containsKey("family:" + family));
    }

    /**
     * Whether the access token was revoked: by its {@code jti} as {@link #isRevoked(String)}, or because its client
     * was deleted after {@code issuedAt} ({@code iat}, whole seconds: a token of the deletion's second counts as
     * issued before it; a deleted client cannot get new tokens). A missing {@code iat} counts as revoked for a
     * deleted client.
     */
    public boolean isRevoked(String jti, String clientId, Instant issuedAt) {
        if (isRevoked(jti)) {
            return true;
        }
        if (clientId == null) {
            return false;
        }
        Snapshot current = snapshot != null ? snapshot : initialLoad();
        Instant deleted = current.clients().get(clientId);
        Instant deletedHere = localClients.isEmpty() ? null : localClients.get(clientId);
        return deleted != null && (issuedAt == null || !issuedAt.isAfter(deleted))
                || deletedHere != null && (issuedAt == null || !issuedAt.isAfter(deletedHere));
    }

    /** Reloads both sets from the database; called by {@link RevocationListRefresh}. */
    public void reload() {
        Instant started = clock.instant();
        try {
            Set<String> jtis = service.unexpiredRevokedAccessTokens();
            Instant since = started.minus(config.accessTokenLifetime()).minus(SKEW);
            Set<String> families = service.familiesRevokedSince(since);
            Map<String, Instant> clients = service.clientsRevokedSince(since);
            snapshot = new Snapshot(Set.copyOf(jtis), Set.copyOf(families), Map.copyOf(clients));
            Instant seen = started.minus(config.revocationRefreshInterval());
            local.values().removeIf(at -> at.isBefore(seen));
            localClients.values().removeIf(at -> at.isBefore(seen));
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Reloading revoked access tokens failed; the previous list stays in force: {0}",
                    e.toString());
        }
    }

    void familyRevoked(String familyId) {
        local.put("family:" + familyId, clock.instant());
    }

    void clientRevoked(String clientId, Instant at) {
        localClients.put(clientId, at);
    }

    void accessTokenRevoked(String jti) {
        local.put(jti, clock.instant());
    }

    private synchronized Snapshot initialLoad() {
        if (snapshot == null) {
            reload();
        }
        return snapshot != null ? snapshot : Snapshot.EMPTY;
    }

    private record Snapshot(Set<String> jtis, Set<String> families, Map<String, Instant> clients) {
        static final Snapshot EMPTY = new Snapshot(Set.of(), Set.of(), Map.of());
    }
}
