package dev.portcullis.mcp.session;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** One legacy session: created by {@code initialize}, ended by {@code DELETE} or idle expiry. */
public final class McpSession {

    private final String id;
    private final String protocolVersion;
    private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicBoolean> inFlight = new ConcurrentHashMap<>();
    private volatile String logLevel;
    private volatile Instant lastUsed;

    McpSession(String id, String protocolVersion, Instant now) {
        this.id = Objects.requireNonNull(id, "id cannot be null");
        this.protocolVersion = Objects.requireNonNull(protocolVersion, "protocolVersion cannot be null");
        this.lastUsed = now;
    }

    public String id() {
        return id;
    }

    /** The version {@code initialize} negotiated. */
    public String protocolVersion() {
        return protocolVersion;
    }

    /** The minimum level set by {@code logging/setLevel}, or null when the client never set one. */
    public String logLevel() {
        return logLevel;
    }

    public void logLevel(String level) {
        this.logLevel = level;
    }

    public Set<String> subscriptions() {
        return subscriptions;
    }

    void touch(Instant now) {
        lastUsed = now;
    }

    Instant lastUsed() {
        return lastUsed;
    }

    /** Registers an in-flight request; the returned flag turns true when the client cancels it. */
    public AtomicBoolean begin(String requestKey) {
        AtomicBoolean flag = new AtomicBoolean();
        inFlight.put(requestKey, flag);
        return flag;
    }

    public void end(String requestKey) {
        inFlight.remove(requestKey);
    }

    /** Handles {@code notifications/cancelled}: unknown or finished requests are ignored (CAN25). */
    public void cancel(String requestKey) {
        AtomicBoolean flag = inFlight.get(requestKey);
        if (flag != null) {
            flag.set(true);
        }
    }
}
