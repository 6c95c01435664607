package dev.portcullis.mcp.api;

import jakarta.json.JsonObject;
import java.util.Map;

/**
 * Asks the client something while a feature method runs: sampling ({@code sampling/createMessage}), elicitation
 * ({@code elicitation/create}) or roots ({@code roots/list}). Declare a parameter of this type to receive it. Each
 * call blocks until the client answers and returns its result object.
 *
 * <p>In a legacy session the request travels on the call's own SSE response stream and the client POSTs its
 * answer. In the modern era (2026-07-28) the call ends with an {@code input_required} result naming the request by
 * its key; the client calls again with the answers, and the method runs again from the start, this time getting
 * them. Feature methods that ask the client must therefore do nothing irreversible before their last question.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/client/sampling">Sampling</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/client/elicitation">Elicitation</a>
 */
public interface ClientRequests {

    /**
     * Sends {@code method} with {@code params} to the client and waits for its result.
     *
     * @throws ToolCallException when the client did not declare the capability, answered with an error, or did not
     *         answer in time
     */
    default JsonObject send(String method, JsonObject params) {
        return ask(method.replace('/', '_'), method, params);
    }

    /**
     * Like {@link #send}, naming the request {@code key} (the key of {@code inputRequests} in the modern era; keys
     * must be unique within one call).
     */
    JsonObject ask(String key, String method, JsonObject params);

    /** Whether the client declared the capability ({@code sampling}, {@code elicitation}, {@code roots}). */
    boolean supports(String capability);

    /** Asks several things at once (one round trip in the modern era); answers by key. */
    Map<String, JsonObject> askAll(Map<String, Request> requests);

    /** One request to the client. */
    record Request(String method, JsonObject params) {}

    /** {@code sampling/createMessage} with one user text message. */
    default JsonObject createMessage(String prompt, int maxTokens) {
        return send(
                "sampling/createMessage",
                ApiJson.PROVIDER
                        .createObjectBuilder()
                        .add(
                                "messages",
                                ApiJson.PROVIDER
                                        .createArrayBuilder()
                                        .add(ApiJson.PROVIDER
                                                .createObjectBuilder()
                                                .add("role", "user")
                                                .add(
                                                        "content",
                                                        ApiJson.PROVIDER
                                                                .createObjectBuilder()
                                                                .add("type", "text")
                                                                .add("text", prompt))))
                        .add("maxTokens", maxTokens)
                        .build());
    }

    /** {@code elicitation/create} in form mode. */
    default JsonObject elicit(String message, JsonObject requestedSchema) {
        return send(
                "elicitation/create",
                ApiJson.PROVIDER
                        .createObjectBuilder()
                        .add("message", message)
                        .add("requestedSchema", requestedSchema)
                        .build());
    }
}
