package dev.portcullis.audit;

import dev.portcullis.config.AuditConfig;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes audit records older than {@code portcullis.audit.retention} (default P90D; PT0S keeps them forever), once
 * an hour. A non-persistent timer like the other purges: every server runs it; the delete is idempotent.
 */
@Singleton
public class AuditRetentionPurge {

    private static final Logger LOG = Logger.getLogger(AuditRetentionPurge.class.getName());

    @Inject
    private AuditConfig config;

    @EJB
    private AuditRecords records;

    @Inject
    private Clock clock;

    @Schedule(hour = "*", minute = "23", persistent = false, info = "delete audit records past retention")
    public void scheduled() {
        try {
            purge(clock.instant());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Deleting old audit records failed; the next run retries: {0}", e.toString());
        }
    }

    /** Deletes what is past retention as of {@code now}; returns how many records. */
    public int purge(Instant now) {
        Duration retention = config.retention();
        if (retention.isZero() || retention.isNegative()) {
            return 0;
        }
        int removed = records.purge(now.minus(retention));
        if (removed > 0) {
            LOG.info(() -> "Deleted " + removed + " audit records older than " + retention + ".");
        }
        return removed;
    }
}
