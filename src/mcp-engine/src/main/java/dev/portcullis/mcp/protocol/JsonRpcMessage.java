package dev.portcullis.mcp.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * One incoming JSON-RPC message: a request (with {@code id}), a notification (without), or a response the client
 * sends back to a server request ({@code method} null).
 *
 * @param id the request id (a string or number), or null for notifications
 * @param method the method, or null for a response
 * @param params the params object, never null (empty when absent)
 * @param raw the message as received
 */
public record JsonRpcMessage(JsonValue id, String method, JsonObject params, JsonObject raw) {

    public boolean isRequest() {
        return method != null && id != null;
    }

    public boolean isNotification() {
        return method != null && id == null;
    }

    public boolean isResponse() {
        return method == null;
    }

    /** {@code params._meta}, or an empty object. */
    public JsonObject meta() {
        JsonValue meta = params.get("_meta");
        return meta instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    }
}
