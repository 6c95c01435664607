package dev.portcullis.mcp.session;

import dev.portcullis.mcp.protocol.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** One legacy session: created by {@code initialize}, ended by {@code DELETE} or idle expiry. */
public final class McpSession {

    private final String id;
    private final String protocolVersion;
    private final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicBoolean> inFlight = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonObject>> awaiting = new ConcurrentHashMap<>();
    private final AtomicLong nextRequest = new AtomicLong();
    private volatile JsonObject clientCapabilities = JsonValue.EMPTY_JSON_OBJECT;
    private volatile String logLevel;
    private volatile Instant lastUsed;
    private final AtomicReference<Standalone> standalone = new AtomicReference<>();
    private final String owner;

    /** The session's standalone GET stream, as the session sees it: something the server can end. */
    public interface Standalone {
        void end();
    }

    McpSession(String id, String protocolVersion, String owner, Instant now) {
        this.id = Objects.requireNonNull(id, "id cannot be null");
        this.owner = owner;
        this.protocolVersion = Objects.requireNonNull(protocolVersion, "protocolVersion cannot be null");
        this.lastUsed = now;
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

    public void logLevel(String level) {
        this.logLevel = level;
    }

    /** What the client declared in {@code initialize}. */
    public JsonObject clientCapabilities() {
        return clientCapabilities;
    }

    public void clientCapabilities(JsonObject capabilities) {
        this.clientCapabilities = capabilities == null ? JsonValue.EMPTY_JSON_OBJECT : capabilities;
    }

    /** A fresh id for a server-to-client request; unique within the session. */
    public JsonValue nextRequestId() {
        return Jsons.PROVIDER.createValue("portcullis-" + nextRequest.incrementAndGet());
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
