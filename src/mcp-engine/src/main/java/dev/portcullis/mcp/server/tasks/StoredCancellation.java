package dev.portcullis.mcp.server.tasks;

import dev.portcullis.mcp.api.Cancellation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A running task's {@link Cancellation}: whether its stored status is {@code cancelled} (a {@code tasks/cancel} may
 * reach any server), or the task is gone. The last look is trusted for {@code maxAge}, so a method polling in a loop
 * costs one read per interval, not one per check; once cancelled it stays so.
 */
final class StoredCancellation implements Cancellation {

    private final TaskRecords records;
    private final String taskId;
    private final Clock clock;
    private final Duration maxAge;
    private Instant checkedAt;
    private boolean cancelled;

    StoredCancellation(TaskRecords records, String taskId, Clock clock, Duration maxAge) {
        this.records = records;
        this.taskId = taskId;
        this.clock = clock;
        this.maxAge = maxAge;
        this.checkedAt = clock.instant(); // the run starts from a working task it has just read
    }

    @Override
    public synchronized boolean isCancelled() {
        Instant now = clock.instant();
        if (!cancelled && !now.isBefore(checkedAt.plus(maxAge))) {
            checkedAt = now;
            cancelled = records.find(taskId)
                    .map(task -> task.status() == TaskRecord.Status.CANCELLED)
                    .orElse(true);
        }
        return cancelled;
    }
}
