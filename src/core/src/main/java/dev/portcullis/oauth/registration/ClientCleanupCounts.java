package dev.portcullis.oauth.registration;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** What {@link UnusedClientPurge} removed since this server started, and when it last ran (for the health output). */
@ApplicationScoped
public class ClientCleanupCounts {

    private final AtomicLong neverUsed = new AtomicLong();
    private final AtomicLong unused = new AtomicLong();
    private volatile Instant lastRun;

    void ran(Instant at, int removedNeverUsed, int removedUnused) {
        neverUsed.addAndGet(removedNeverUsed);
        unused.addAndGet(removedUnused);
        lastRun = at;
    }

    public long removedNeverUsed() {
        return neverUsed.get();
    }

    public long removedUnused() {
        return unused.get();
    }

    /** Null before the first run. */
    public Instant lastRun() {
        return lastRun;
    }
}
