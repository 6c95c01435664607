package dev.portcullis.mcp.session;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link SessionRecords} in this JVM's memory: the default for unit tests and embedding with one server. Stores that
 * share one instance share their sessions, as servers sharing a database do; a restart forgets them all.
 */
public final class InMemorySessionRecords implements SessionRecords {

    private final Map<String, SessionRecord> sessions = new ConcurrentHashMap<>();

    @Override
    public void insert(SessionRecord session) {
        if (sessions.putIfAbsent(session.key(), session) != null) {
            throw new IllegalStateException("Session key in use");
        }
    }

    @Override
    public Optional<SessionRecord> find(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(sessions.get(key));
    }

    @Override
    public void update(String key, String logLevel, Set<String> subscriptions) {
        sessions.computeIfPresent(key, (k, current) -> current.changed(logLevel, subscriptions));
    }

    @Override
    public void touch(String key, Instant lastUsedAt) {
        sessions.computeIfPresent(
                key, (k, current) -> current.lastUsedAt().isBefore(lastUsedAt) ? current.touched(lastUsedAt) : current);
    }

    @Override
    public boolean delete(String key) {
        return key != null && sessions.remove(key) != null;
    }

    @Override
    public long count() {
        return sessions.size();
    }

    @Override
    public long countOwnedBy(String owner) {
        return sessions.values().stream()
                .filter(s -> Objects.equals(owner, s.owner()))
                .count();
    }

    @Override
    public Optional<SessionRecord> leastRecentlyUsed(String owner) {
        return sessions.values().stream()
                .filter(s -> Objects.equals(owner, s.owner()))
                .min(Comparator.comparing(SessionRecord::lastUsedAt));
    }

    @Override
    public List<SessionRecord> idleSince(Instant cutoff, int max) {
        return sessions.values().stream()
                .filter(s -> s.lastUsedAt().isBefore(cutoff))
                .limit(max)
                .toList();
    }
}
