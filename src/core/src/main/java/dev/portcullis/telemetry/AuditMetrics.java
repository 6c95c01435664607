package dev.portcullis.telemetry;

import dev.portcullis.audit.AuditQueueStats;
import dev.portcullis.audit.LoginFailureBudget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The audit trail's queue as gauges, read at each scrape: records waiting, and since start the records dropped
 * (queue full or the database refused the batch) and written, and the failed logins left unrecorded because their
 * source was past its budget ({@link LoginFailureBudget}). Dropped and written only grow; they are gauges because
 * MicroProfile Metrics has no counter read from a function.
 */
@ApplicationScoped
public class AuditMetrics {

    @Inject
    private Telemetry telemetry;

    @Inject
    private AuditQueueStats audit;

    @Inject
    private LoginFailureBudget loginFailures;

    private final AtomicBoolean registered = new AtomicBoolean();

    /** Once, although each module of the application fires the event. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (registered.compareAndSet(false, true)) {
            telemetry.gauge(Telemetry.AUDIT_QUEUE_DEPTH, "Audit records waiting in memory to be written", audit::depth);
            telemetry.gauge(
                    Telemetry.AUDIT_DROPPED,
                    "Audit records dropped since start (queue full, or the database " + "refused the batch)",
                    audit::dropped);
            telemetry.gauge(
                    Telemetry.AUDIT_WRITTEN, "Audit records written to the database since start", audit::written);
            telemetry.gauge(
                    Telemetry.AUDIT_LOGIN_FAILURES_SUPPRESSED,
                    "Failed logins left unrecorded since start "
                            + "(a source past portcullis.audit.login-failures-per-minute)",
                    loginFailures::suppressed);
        }
    }
}
