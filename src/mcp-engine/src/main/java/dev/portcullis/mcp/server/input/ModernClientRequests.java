package dev.portcullis.mcp.server.input;

import dev.portcullis.mcp.api.ClientRequests;
import dev.portcullis.mcp.protocol.JsonRpcErrorCodes;
import dev.portcullis.mcp.protocol.McpError;
import dev.portcullis.mcp.protocol.wire.MissingCapabilityData;
import dev.portcullis.mcp.protocol.wire.Wire;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Client requests in the modern era (2026-07-28), which forbids server-to-client requests on any stream (T26): an
 * answer the request carries is returned; a missing one ends the call with {@link InputRequired}, which becomes an
 * {@code InputRequiredResult}. A capability the request did not declare is -32021 with HTTP 400 (B26).
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr">Multi-round-trip requests</a>
 */
public final class ModernClientRequests implements ClientRequests {

    private final JsonObject capabilities;
    private final InputResponses inputs;

    public ModernClientRequests(JsonObject capabilities, InputResponses inputs) {
        this.capabilities = capabilities;
        this.inputs = inputs;
    }

    @Override
    public boolean supports(String capability) {
        return capabilities.containsKey(capability);
    }

    @Override
    public JsonObject ask(String key, String method, JsonObject params) {
        return askAll(Map.of(key, new Request(method, params))).get(key);
    }

    @Override
    public Map<String, JsonObject> askAll(Map<String, Request> requests) {
        Map<String, Request> missing = new LinkedHashMap<>();
        Map<String, JsonObject> answers = new LinkedHashMap<>();
        requests.forEach((key, request) -> {
            requireCapability(capability(request.method()));
            JsonObject answer = inputs.answers().get(key);
            if (answer == null) {
                missing.put(key, request);
            } else {
                answers.put(key, answer);
            }
        });
        if (!missing.isEmpty()) {
            throw new InputRequired(missing);
        }
        return answers;
    }

    private void requireCapability(String capability) {
        if (!capabilities.containsKey(capability)) {
            throw new McpError(
                    JsonRpcErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY,
                    "Missing required client capability: " + capability,
                    Wire.toJson(new MissingCapabilityData(Map.of(capability, JsonValue.EMPTY_JSON_OBJECT))),
                    400);
        }
    }

    /** {@code sampling/createMessage} needs {@code sampling}, {@code elicitation/create} {@code elicitation}... */
    static String capability(String method) {
        return method.substring(0, Math.max(0, method.indexOf('/')));
    }
}
