package dev.portcullis.mcp.protocol;

/**
 * JSON-RPC and MCP error codes.
 *
 * @see <a href="https://www.jsonrpc.org/specification#error_object">JSON-RPC 2.0 section 5.1</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/basic">MCP 2026-07-28 error codes</a>
 */
public final class JsonRpcErrorCodes {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** 2025-11-25: resource not found. 2026-07-28 uses {@link #INVALID_PARAMS} instead. */
    public static final int RESOURCE_NOT_FOUND = -32002;
    /** 2026-07-28: an {@code Mcp-*} header is missing, malformed or disagrees with the body. */
    public static final int HEADER_MISMATCH = -32020;
    /** 2026-07-28: the request needs a client capability it did not declare. */
    public static final int MISSING_REQUIRED_CLIENT_CAPABILITY = -32021;
    /** 2026-07-28: the requested protocol version is not supported. */
    public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;
    /** Implementation-defined server error (JSON-RPC 2.0 section 5.1): the legacy session cap is reached. */
    public static final int TOO_MANY_SESSIONS = -32030;

    private JsonRpcErrorCodes() {}
}
