package dev.portcullis.audit;

import dev.portcullis.config.AuditConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The audit queue as numbers, for metrics and health: how many records wait, how many were written, and how many
 * were dropped (queue full, or the database refused the batch). Cheap to call from any thread.
 */
@ApplicationScoped
public class AuditQueueStats {

    @Inject
    private AuditQueue queue;

    @Inject
    private AuditConfig config;

    /** Records waiting in memory now. */
    public int depth() {
        return queue.depth();
    }

    /** The most records that may wait ({@code portcullis.audit.queue-capacity}). */
    public int capacity() {
        return config.queueCapacity();
    }

    /** Records dropped since start (monotonic). */
    public long dropped() {
        return queue.dropped();
    }

    /** Records written since start (monotonic). */
    public long written() {
        return queue.written();
    }

    /** Whether events are recorded ({@code portcullis.audit.enabled}). */
    public boolean enabled() {
        return config.enabled();
    }
}
