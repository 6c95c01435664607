package dev.portcullis.mcp.protocol;

import dev.portcullis.json.JsonInput;
import dev.portcullis.json.Jsons;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * The JSON-RPC 2.0 envelope codec: parses one message and builds responses and notifications.
 *
 * @see <a href="https://www.jsonrpc.org/specification">JSON-RPC 2.0</a>
 */
public final class JsonRpc {

    private JsonRpc() {}

    /**
     * Parses a POST body. Malformed JSON, and JSON over {@link JsonInput}'s depth or size limit, is -32700; an array (a batch, removed in 2025-06-18) or an object that is
     * not a JSON-RPC 2.0 message is -32600. Both are HTTP 400 with {@code id: null}.
     */
    public static JsonRpcMessage parse(String body) {
        JsonValue structure;
        try {
            structure = JsonInput.read(body);
        } catch (JsonException e) {
            throw parseError();
        }
        return message(structure);
    }

    /** Parses a POST body as sent: UTF-8 (RFC 8259 section 8.1); malformed UTF-8 is a parse error too. */
    public static JsonRpcMessage parse(byte[] body) {
        JsonValue structure;
        try {
            structure = JsonInput.read(body);
        } catch (JsonException e) {
            throw parseError();
        }
        return message(structure);
    }

    private static McpError parseError() {
        return new McpError(JsonRpcErrorCodes.PARSE_ERROR, "Parse error: the body is not valid JSON", null, 400);
    }

    private static JsonRpcMessage message(JsonValue structure) {
        if (!(structure instanceof JsonObject object)) {
            throw invalid("Invalid Request: the body must be one JSON-RPC message object; batches are not supported");
        }
        if (!"2.0".equals(stringOrNull(object, "jsonrpc"))) {
            throw invalid("Invalid Request: jsonrpc must be \"2.0\"");
        }
        JsonValue id = object.get("id");
        if (id != null
                && id.getValueType() != JsonValue.ValueType.STRING
                && id.getValueType() != JsonValue.ValueType.NUMBER) {
            throw invalid("Invalid Request: id must be a string or an integer");
        }
        JsonValue method = object.get("method");
        if (method == null) {
            if (id == null || !(object.containsKey("result") || object.containsKey("error"))) {
                throw invalid("Invalid Request: method is missing");
            }
            return new JsonRpcMessage(id, null, JsonValue.EMPTY_JSON_OBJECT, object);
        }
        if (method.getValueType() != JsonValue.ValueType.STRING) {
            throw invalid("Invalid Request: method must be a string");
        }
        JsonValue params = object.get("params");
        if (params != null && params.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid("Invalid Request: params must be an object");
        }
        return new JsonRpcMessage(
                id,
                object.getString("method"),
                params == null ? JsonValue.EMPTY_JSON_OBJECT : params.asJsonObject(),
                object);
    }

    public static JsonObject result(JsonValue id, JsonObject result) {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", id)
                .add("result", result)
                .build();
    }

    /**
     * An error response; {@code data} may be null. Without a request id (malformed bodies, transport errors) the
     * {@code id} member is left out: the MCP schemas type {@code id} as string or integer and make it optional on
     * {@code JSONRPCErrorResponse}, so {@code "id": null} would not validate.
     */
    public static JsonObject error(JsonValue id, int code, String message, JsonValue data) {
        JsonObjectBuilder error =
                Jsons.PROVIDER.createObjectBuilder().add("code", code).add("message", message);
        if (data != null) {
            error.add("data", data);
        }
        JsonObjectBuilder response = Jsons.PROVIDER.createObjectBuilder().add("jsonrpc", "2.0");
        if (id != null && id != JsonValue.NULL) {
            response.add("id", id);
        }
        return response.add("error", error).build();
    }

    public static JsonObject error(JsonValue id, McpError e) {
        return error(id, e.code(), e.getMessage(), e.data());
    }

    /** A request the server sends the client (legacy era: sampling, elicitation, roots). */
    public static JsonObject request(JsonValue id, String method, JsonObject params) {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", id)
                .add("method", method)
                .add("params", params)
                .build();
    }

    public static JsonObject notification(String method, JsonObject params) {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("method", method)
                .add("params", params)
                .build();
    }

    private static McpError invalid(String message) {
        return new McpError(JsonRpcErrorCodes.INVALID_REQUEST, message, null, 400);
    }

    private static String stringOrNull(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value != null && value.getValueType() == JsonValue.ValueType.STRING ? object.getString(key) : null;
    }
}
