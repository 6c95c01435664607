package dev.portcullis.mcp.server.tasks;

import java.time.Instant;
import java.util.Optional;

/**
 * SPI: where the tasks of the tasks extension live, so that every server sharing the records knows every task: a
 * {@code tasks/get}, {@code tasks/update} or {@code tasks/cancel} may reach any server behind a load balancer, and
 * the one that receives the last answer runs the work again. The engine keeps no tasks of its own; the
 * application implements this (the product on its database, see {@code JpaTaskRecords});
 * {@link InMemoryTaskRecords} serves unit tests and embedding in one JVM.
 *
 * <p>Servers race only through {@link #replace}: a conditional write (compare-and-set on {@link TaskRecord#version()},
 * refused once the stored status is terminal), never a JVM lock, so of a cancel and a completion the first writer
 * wins and a terminal status never changes.
 *
 * @see <a href="https://modelcontextprotocol.io/seps/2663-tasks-extension">SEP-2663 Tasks extension</a>
 */
public interface TaskRecords {

    /** Stores a new task (its id is fresh: 128 random bits). */
    void insert(TaskRecord task);

    /** The stored task, expired or not; empty when unknown or deleted. */
    Optional<TaskRecord> find(String taskId);

    /**
     * Stores {@code next} in place of the task with its id if the stored one still has version
     * {@code expectedVersion} and a status that is not terminal, as one atomic conditional write. True when stored;
     * false when another writer changed the task first (the caller reads it again) or it is gone.
     */
    boolean replace(long expectedVersion, TaskRecord next);

    /** Forgets a task (an expired one, found on access). */
    void delete(String taskId);

    /** Forgets every task whose {@link TaskRecord#expiresAt()} is before {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
