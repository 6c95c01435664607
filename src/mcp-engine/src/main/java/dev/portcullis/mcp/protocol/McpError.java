package dev.portcullis.mcp.protocol;

import jakarta.json.JsonValue;

/**
 * A failure that becomes a JSON-RPC error response. {@link #httpStatus()} is the status the transport should use
 * where a rule ties one to the error (200 otherwise).
 */
public class McpError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final transient JsonValue data;
    private final int httpStatus;

    public McpError(int code, String message) {
        this(code, message, null, 200);
    }

    public McpError(int code, String message, JsonValue data, int httpStatus) {
        super(message, null, false, false);
        this.code = code;
        this.data = data;
        this.httpStatus = httpStatus;
    }

    public int code() {
        return code;
    }

    /** Optional {@code error.data}; may be null. */
    public JsonValue data() {
        return data;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public static McpError invalidParams(String message) {
        return new McpError(JsonRpcErrorCodes.INVALID_PARAMS, message);
    }
}
