package dev.portcullis.mcp.api;

/**
 * A protocol-level failure: the request is answered with a JSON-RPC error carrying {@link #code()} and this
 * exception's message. Use the codes of the JSON-RPC and MCP specs, for example {@link #INVALID_PARAMS}.
 *
 * @see <a href="https://www.jsonrpc.org/specification#error_object">JSON-RPC 2.0 error object</a>
 */
public class McpException extends RuntimeException {

    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;

    private static final long serialVersionUID = 1L;

    private final int code;

    public McpException(int code, String message) {
        super(message);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
