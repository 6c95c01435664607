package dev.portcullis.oauth.registration;

import dev.portcullis.audit.AuditEvent;
import dev.portcullis.audit.AuditEventType;
import dev.portcullis.audit.AuditTrail;
import dev.portcullis.config.AuthServerConfig;
import dev.portcullis.persistence.ClientEntity;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Removes registrations nobody uses, every fifteen minutes: clients that never obtained a token within
 * {@code portcullis.oauth.client.never-used-lifetime} (default PT24H) of their registration, and clients whose last
 * token is older than {@code portcullis.oauth.client.unused-lifetime} (default P90D). Each goes the way an RFC 7592
 * deletion goes ({@link ClientDeleted}, in this run's transaction): its token families are revoked (their refresh
 * tokens refused, and their access tokens through the family id in their {@code jti}), its outstanding codes deleted,
 * and every access token issued to it refused through a client revocation entry; then its remembered consents and
 * its row go. Revoked families stay until {@code ExpiredTokenPurge} removes them at their expiry. {@code PT0S}
 * switches a rule off.
 * At most {@value #BATCH} clients per rule and run, so one run's transaction stays small. The counts are in the
 * {@code client-cleanup} health check. A non-persistent timer: every server runs it; the deletes are idempotent.
 *
 * <p>Open registration (RFC 7591) lets anyone create rows; without this they would accumulate forever.
 * Machine clients an operator provisioned in the console ({@code PROVISIONED_BY}) are the operator's to delete, and
 * stay.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-5">RFC 7591 section 5 (registrations may be removed)</a>
 */
@Singleton
public class UnusedClientPurge {

    static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(UnusedClientPurge.class.getName());

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @Inject
    private AuthServerConfig config;

    @Inject
    private ClientCleanupCounts counts;

    @Inject
    private ClientUsage usage;

    @Inject
    private AuditTrail audit;

    @Inject
    private Event<ClientDeleted> deleted;

    @Inject
    private Clock clock;

    /** What one run removed. */
    public record Removed(int neverUsed, int unused) {}

    @Schedule(hour = "*", minute = "*/15", persistent = false, info = "remove unused client registrations")
    public void scheduled() {
        try {
            purge(clock.instant());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Removing unused clients failed; the next run retries: {0}", e.toString());
        }
    }

    /** Removes what is unused as of {@code now}. */
    public Removed purge(Instant now) {
        Duration neverUsedLifetime = config.clientNeverUsedLifetime();
        Duration unusedLifetime = config.clientUnusedLifetime();
        List<String> neverUsed = neverUsedLifetime.isZero()
                ? List.of()
                : ids(ClientEntity.NEVER_USED_SINCE, now.minus(neverUsedLifetime));
        List<String> unused =
                unusedLifetime.isZero() ? List.of() : ids(ClientEntity.UNUSED_SINCE, now.minus(unusedLifetime));
        int removedNeverUsed = remove(neverUsed);
        int removedUnused = remove(unused);
        neverUsed.forEach(id -> audit.record(
                AuditEvent.of(AuditEventType.CLIENT_PURGED).client(id).detail("reason", "never_used")));
        unused.forEach(id -> audit.record(
                AuditEvent.of(AuditEventType.CLIENT_PURGED).client(id).detail("reason", "unused")));
        counts.ran(now, removedNeverUsed, removedUnused);
        if (removedNeverUsed + removedUnused > 0) {
            LOG.info(() -> "Removed " + removedNeverUsed + " clients that never obtained a token and " + removedUnused
                    + " clients unused for " + unusedLifetime + ".");
        }
        return new Removed(removedNeverUsed, removedUnused);
    }

    private List<String> ids(String query, Instant before) {
        return em.createNamedQuery(query, String.class)
                .setParameter("before", before)
                .setMaxResults(BATCH)
                .getResultList();
    }

    private int remove(List<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        // Revoked as a deleted client's: families, codes and every access token issued so far (the revocation
        // observer).
        ids.forEach(id -> deleted.fire(new ClientDeleted(id)));
        em.createQuery("DELETE FROM ConsentEntity c WHERE c.clientId IN :ids")
                .setParameter("ids", ids)
                .executeUpdate();
        int removed = em.createNamedQuery(ClientEntity.DELETE_BY_IDS)
                .setParameter("ids", ids)
                .executeUpdate();
        ids.forEach(usage::forget);
        return removed;
    }
}
