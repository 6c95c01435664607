package dev.portcullis.telemetry;

import dev.portcullis.audit.AuditQueueStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The audit trail's queue as gauges, read at each scrape: records waiting, and since start the records dropped
 * (queue full or the database refused the batch) and written. Dropped and written only grow; they are gauges because
 * MicroProfile Metrics has no counter read from a function.
 */
@ApplicationScoped
public class AuditMetrics {

    @Inject
    private Telemetry telemetry;

    @Inject
    private AuditQueueStats audit;

    private final AtomicBoolean registered = new AtomicBoolean();

    /** Once, although each module of the application fires the event. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (registered.compareAndSet(false, true)) {
            telemetry.gauge(Telemetry.AUDIT_QUEUE_DEPTH, "Audit records waiting in memory to be written",
                    audit::depth);
            telemetry.gauge(Telemetry.AUDIT_DROPPED, "Audit records dropped since start (queue full, or the database "
                    + "refused the batch)", audit::dropped);
            telemetry.gauge(Telemetry.AUDIT_WRITTEN, "Audit records written to the database since start",
                    audit::written);
        }
    }
}
