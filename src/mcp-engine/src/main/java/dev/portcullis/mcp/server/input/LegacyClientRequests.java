package dev.portcullis.mcp.server.input;

import dev.portcullis.mcp.api.ClientRequests;
import dev.portcullis.mcp.api.ToolCallException;
import dev.portcullis.mcp.protocol.JsonRpc;
import dev.portcullis.mcp.server.exchange.Outbound;
import dev.portcullis.mcp.session.McpSession;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Server-to-client requests in a legacy session: sent on the calling request's SSE stream (never on a standalone
 * stream, where they could be lost), answered by the client in a POST that {@code McpServer} routes back here by id.
 * Only capabilities the client declared in {@code initialize} are used.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#sending-messages-to-the-server">T25</a>
 */
public final class LegacyClientRequests implements ClientRequests {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final long POLL_MILLIS = 250;

    private final McpSession session;
    private final Outbound outbound;
    private final AtomicBoolean cancelled;

    public LegacyClientRequests(McpSession session, Outbound outbound, AtomicBoolean cancelled) {
        this.session = session;
        this.outbound = outbound;
        this.cancelled = cancelled;
    }

    @Override
    public boolean supports(String capability) {
        return session != null && session.clientCapabilities().containsKey(capability);
    }

    @Override
    public Map<String, JsonObject> askAll(Map<String, Request> requests) {
        Map<String, JsonObject> answers = new LinkedHashMap<>();
        requests.forEach((key, request) -> answers.put(key, ask(key, request.method(), request.params())));
        return answers;
    }

    @Override
    public JsonObject ask(String key, String method, JsonObject params) {
        String capability = ModernClientRequests.capability(method);
        if (session == null) {
            throw new ToolCallException("The client cannot be asked anything outside a session");
        }
        if (!session.clientCapabilities().containsKey(capability)) {
            throw new ToolCallException("The client does not support " + capability);
        }
        JsonValue id = session.nextRequestId();
        CompletableFuture<JsonObject> answer = session.await(id);
        try {
            if (!outbound.send(JsonRpc.request(id, method, params))) {
                throw new ToolCallException("The client cannot be reached to ask for " + capability);
            }
            return result(await(answer), method);
        } finally {
            session.forget(id);
        }
    }

    private JsonObject await(CompletableFuture<JsonObject> answer) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (cancelled.get() || outbound.isClosed()) {
                    throw new ToolCallException("The request was cancelled");
                }
                try {
                    return answer.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // poll again, so cancellation is noticed
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new ToolCallException("The client did not answer", e);
        }
        throw new ToolCallException("The client did not answer in time");
    }

    private static JsonObject result(JsonObject response, String method) {
        if (response.containsKey("error")) {
            throw new ToolCallException("The client refused " + method + ": "
                    + response.getJsonObject("error").getString("message", "no reason given"));
        }
        JsonValue result = response.get("result");
        return result instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    }
}
