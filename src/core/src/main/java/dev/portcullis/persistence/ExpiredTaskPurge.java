package dev.portcullis.persistence;

import dev.portcullis.mcp.server.tasks.TaskRecords;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes MCP tasks past their {@code ttlMs}, every ten minutes, also when nobody asks for them again (the engine
 * deletes an expired task it finds on access, and expired ones whenever it creates a task). A non-persistent timer,
 * like {@code ExpiredTokenPurge}: each server runs it, and the delete is idempotent.
 */
@Singleton
public class ExpiredTaskPurge {

    private static final Logger LOG = Logger.getLogger(ExpiredTaskPurge.class.getName());

    @EJB
    private TaskRecords tasks;

    @Inject
    private Clock clock;

    @Schedule(hour = "*", minute = "*/10", persistent = false, info = "purge expired MCP tasks")
    public void purge() {
        try {
            int deleted = tasks.deleteExpired(clock.instant());
            LOG.fine(() -> "Purged " + deleted + " expired MCP tasks.");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Purging expired MCP tasks failed; the next run retries: {0}", e.toString());
        }
    }
}
