package dev.portcullis.mcp.session;

import dev.portcullis.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One legacy session as this server holds it: created by {@code initialize} (here or on another server sharing the
 * {@link SessionRecords}), ended by {@code DELETE} or idle expiry. What a request changes (log level, subscriptions)
 * is written through to the records; the standalone stream, in-flight requests and awaited client answers are this
 * server's own.
 */
public final class McpSession {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final String key;
    private final String protocolVersion;
    private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicBoolean> inFlight = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonObject>> awaiting = new ConcurrentHashMap<>();
    private final AtomicLong nextRequest = new AtomicLong();
    /** Tells this server's request ids apart from another server's in the same session. */
    private final String requestPrefix = "portcullis-" + Integer.toString(RANDOM.nextInt(Integer.MAX_VALUE), 36) + "-";

    private volatile Consumer<McpSession> changed = session -> {};
    private volatile JsonObject clientCapabilities = JsonValue.EMPTY_JSON_OBJECT;
    private volatile String logLevel;
    private volatile Instant lastUsed;
    private volatile Instant recordedUse;
    private final AtomicReference<Standalone> standalone = new AtomicReference<>();
    private final String owner;

    /** The session's standalone GET stream, as the session sees it: something the server can end. */
    public interface Standalone {
        void end();
    }

    McpSession(String id, String protocolVersion, String owner, Instant now) {
        this.id = Objects.requireNonNull(id, "id cannot be null");
        this.key = SessionKeys.of(id);
        this.owner = owner;
        this.protocolVersion = Objects.requireNonNull(protocolVersion, "protocolVersion cannot be null");
        this.lastUsed = now;
        this.recordedUse = now;
    }

    /**
     * Whether {@code subject} created this session (null for both on an open deployment). The same id presented by
     * anyone else is treated as unknown (SBP25 session hijacking): a session is never a credential.
     */
    public boolean belongsTo(String subject) {
        return Objects.equals(owner, subject);
    }

    public String id() {
        return id;
    }

    /** The key it is recorded and reported under ({@link SessionKeys#of}). */
    public String key() {
        return key;
    }

    /** The user who opened the session (null when the endpoint is open); only that user may use it (SBP25). */
    public String owner() {
        return owner;
    }

    /** Makes {@code stream} the session's one standalone GET stream, ending the one it replaces. */
    public void standaloneStream(Standalone stream) {
        Standalone previous = standalone.getAndSet(stream);
        if (previous != null && previous != stream) {
            previous.end();
        }
    }

    /** Forgets {@code stream} if it is still the session's standalone stream (its client went away). */
    public void forgetStandaloneStream(Standalone stream) {
        standalone.compareAndSet(stream, null);
    }

    /** Ends the standalone stream, if any (the session ended). */
    void endStandaloneStream() {
        Standalone previous = standalone.getAndSet(null);
        if (previous != null) {
            previous.end();
        }
    }

    /** The version {@code initialize} negotiated. */
    public String protocolVersion() {
        return protocolVersion;
    }

    /** The minimum level set by {@code logging/setLevel}, or null when the client never set one. */
    public String logLevel() {
        return logLevel;
    }

    /** Sets the minimum level ({@code logging/setLevel}), on every server sharing the records. */
    public void logLevel(String level) {
        this.logLevel = level;
        changed.accept(this);
    }

    /** What the client declared in {@code initialize}. */
    public JsonObject clientCapabilities() {
        return clientCapabilities;
    }

    void clientCapabilities(JsonObject capabilities) {
        this.clientCapabilities = capabilities == null ? JsonValue.EMPTY_JSON_OBJECT : capabilities;
    }

    /** A fresh id for a server-to-client request; unique within the session. */
    public JsonValue nextRequestId() {
        return Jsons.PROVIDER.createValue(requestPrefix + nextRequest.incrementAndGet());
    }

    /** Registers a server-to-client request; the future completes with the client's response message. */
    public CompletableFuture<JsonObject> await(JsonValue requestId) {
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        awaiting.put(requestId.toString(), answer);
        return answer;
    }

    public void forget(JsonValue requestId) {
        awaiting.remove(requestId.toString());
    }

    /** Delivers a client's response; false when no request with that id is waiting. */
    public boolean complete(JsonValue requestId, JsonObject response) {
        CompletableFuture<JsonObject> answer = awaiting.remove(requestId.toString());
        return answer != null && answer.complete(response);
    }

    /** The URIs subscribed to ({@code resources/subscribe}), read-only. */
    public Set<String> subscriptions() {
        return Collections.unmodifiableSet(subscriptions);
    }

    /** Whether {@code uri} is subscribed to, as this server last read the records. */
    public boolean subscribed(String uri) {
        return subscriptions.contains(uri);
    }

    /** {@code resources/subscribe}, on every server sharing the records. */
    public void subscribe(String uri) {
        if (subscriptions.add(uri)) {
            changed.accept(this);
        }
    }

    /** {@code resources/unsubscribe}, on every server sharing the records. */
    public void unsubscribe(String uri) {
        if (subscriptions.remove(uri)) {
            changed.accept(this);
        }
    }

    /** Where changes go: the store writes them to the records. */
    void onChange(Consumer<McpSession> listener) {
        this.changed = Objects.requireNonNull(listener, "listener cannot be null");
    }

    /** Takes what the records hold: another server may have changed the level or the subscriptions. */
    void refresh(SessionRecord record) {
        logLevel = record.logLevel();
        subscriptions.retainAll(record.subscriptions());
        subscriptions.addAll(record.subscriptions());
    }

    void touch(Instant now) {
        lastUsed = now;
    }

    /** The last use the records hold, as this server last wrote or read it. */
    Instant recordedUse() {
        return recordedUse;
    }

    void recordedUse(Instant at) {
        recordedUse = at;
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
