package dev.portcullis.mcp.server.tasks;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link TaskRecords} in this JVM's memory: the default of {@code McpServer} for unit tests and embedding with one
 * server. Servers that share one instance share their tasks, as servers sharing a database do.
 */
public final class InMemoryTaskRecords implements TaskRecords {

    private final Map<String, TaskRecord> tasks = new ConcurrentHashMap<>();

    @Override
    public void insert(TaskRecord task) {
        if (tasks.putIfAbsent(task.id(), task) != null) {
            throw new IllegalStateException("Task id in use");
        }
    }

    @Override
    public Optional<TaskRecord> find(String taskId) {
        return taskId == null ? Optional.empty() : Optional.ofNullable(tasks.get(taskId));
    }

    @Override
    public boolean replace(long expectedVersion, TaskRecord next) {
        AtomicBoolean stored = new AtomicBoolean();
        tasks.computeIfPresent(next.id(), (id, current) -> {
            if (current.version() != expectedVersion || current.status().terminal()) {
                return current;
            }
            stored.set(true);
            return next;
        });
        return stored.get();
    }

    @Override
    public void delete(String taskId) {
        tasks.remove(taskId);
    }

    @Override
    public int deleteExpired(Instant now) {
        int before = tasks.size();
        tasks.values().removeIf(task -> task.expired(now));
        return Math.max(0, before - tasks.size());
    }
}
