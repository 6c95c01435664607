package dev.portcullis.audit;

import dev.portcullis.config.AuditConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The bounded queue between the requests that record events and the database ({@link BatchingQueue}): recording
 * never blocks; a full queue drops the record and counts it. One drain task at a time runs on the application's own
 * managed executor (Jakarta Concurrency 3.0 section 3.1.4.3: no server configuration) and writes what accumulated in
 * batches of up to {@value #BATCH}, each in its own transaction ({@link AuditWriter}); a batch the database refuses
 * is dropped and counted, so a database outage costs records, never requests. Dropping is logged at most once a
 * minute. The executor is defined on {@link AuditExecutor}.
 */
@ApplicationScoped
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

    private BatchingQueue<AuditRecord> queue;
    private final AtomicLong lastWarning = new AtomicLong();

    @PostConstruct
    void init() {
        queue = new BatchingQueue<>(config.queueCapacity(), BATCH, executor, writer::write, this::warn);
    }

    void offer(AuditRecord record) {
        queue.offer(record);
    }

    private void warn() {
        long now = System.currentTimeMillis();
        long last = lastWarning.get();
        if (now - last > WARN_EVERY_MILLIS && lastWarning.compareAndSet(last, now)) {
            LOG.warning(() -> "Audit records are being dropped (the queue is full or the database refused a batch); "
                    + queue.dropped() + " dropped so far.");
        }
    }

    int depth() {
        return queue.depth();
    }

    long dropped() {
        return queue.dropped();
    }

    long written() {
        return queue.written();
    }
}
