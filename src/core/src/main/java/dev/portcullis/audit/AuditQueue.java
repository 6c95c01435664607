package dev.portcullis.audit;

import dev.portcullis.config.AuditConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * The bounded queue between the requests that record events and the database. {@link #offer} never blocks: a full
 * queue drops the record and counts it. One drain task at a time runs on the application's own managed executor
 * (Jakarta Concurrency 3.0 section 3.1.4.3) and writes what accumulated in batches of up to {@value #BATCH}, each in
 * its own transaction; a batch the database refuses is dropped and counted, and the next one tries again, so a
 * database outage costs records, never requests.
 */
@ApplicationScoped
@ManagedExecutorDefinition(name = AuditQueue.EXECUTOR, maxAsync = 1)
public class AuditQueue {

    static final String EXECUTOR = "java:app/concurrent/audit";
    static final int BATCH = 200;
    private static final long WARN_EVERY_MILLIS = 60_000;
    private static final Logger LOG = Logger.getLogger(AuditQueue.class.getName());

    @Inject
    private AuditConfig config;

    @Inject
    private AuditWriter writer;

    @Resource(lookup = EXECUTOR)
    private ManagedExecutorService executor;

    private BlockingQueue<AuditRecord> queue;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder written = new LongAdder();
    private final AtomicLong lastWarning = new AtomicLong();

    @PostConstruct
    void init() {
        queue = new ArrayBlockingQueue<>(config.queueCapacity());
    }

    /** Queues {@code record} for writing; drops it (and counts) when the queue is full. */
    void offer(AuditRecord record) {
        if (!queue.offer(record)) {
            dropped.increment();
            warn("the audit queue is full");
            return;
        }
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException | IllegalStateException e) {
                draining.set(false);
            }
        }
    }

    private void drain() {
        try {
            List<AuditRecord> batch = new ArrayList<>(BATCH);
            while (queue.drainTo(batch, BATCH) > 0) {
                try {
                    writer.write(batch);
                    written.add(batch.size());
                } catch (RuntimeException e) {
                    dropped.add(batch.size());
                    warn("writing audit records failed (" + e.getClass().getSimpleName() + ")");
                }
                batch.clear();
            }
        } finally {
            draining.set(false);
        }
        if (!queue.isEmpty()) {
            scheduleDrain();
        }
    }

    private void warn(String why) {
        long now = System.currentTimeMillis();
        long last = lastWarning.get();
        if (now - last > WARN_EVERY_MILLIS && lastWarning.compareAndSet(last, now)) {
            LOG.warning(() -> "Audit records are being dropped: " + why + "; " + dropped.sum() + " dropped so far.");
        }
    }

    int depth() {
        return queue.size();
    }

    long dropped() {
        return dropped.sum();
    }

    long written() {
        return written.sum();
    }
}
