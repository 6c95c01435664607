package dev.portcullis.mcp.api;

import jakarta.json.JsonObject;

/**
 * Asks the client something while a feature method runs: sampling ({@code sampling/createMessage}), elicitation
 * ({@code elicitation/create}) or roots ({@code roots/list}). Declare a parameter of this type to receive it. Each
 * call blocks until the client answers and returns its result object.
 *
 * <p>In a legacy session the request travels on the call's own SSE response stream and the client POSTs its
 * answer. The modern era (2026-07-28) needs multi-round-trip {@code input_required} results instead; that is not
 * available yet, and calls there fail with a {@link ToolCallException}.
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
    JsonObject send(String method, JsonObject params);

    /** {@code sampling/createMessage} with one user text message. */
    default JsonObject createMessage(String prompt, int maxTokens) {
        return send("sampling/createMessage", jakarta.json.Json.createObjectBuilder()
                .add("messages", jakarta.json.Json.createArrayBuilder().add(jakarta.json.Json.createObjectBuilder()
                        .add("role", "user").add("content", jakarta.json.Json.createObjectBuilder()
                                .add("type", "text").add("text", prompt))))
                .add("maxTokens", maxTokens).build());
    }

    /** {@code elicitation/create} in form mode. */
    default JsonObject elicit(String message, JsonObject requestedSchema) {
        return send("elicitation/create", jakarta.json.Json.createObjectBuilder().add("message", message)
                .add("requestedSchema", requestedSchema).build());
    }
}
