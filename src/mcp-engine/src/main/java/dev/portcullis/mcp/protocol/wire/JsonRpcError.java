package dev.portcullis.mcp.protocol.wire;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code Error}: the error object of a JSON-RPC error response, here as a failed task keeps it (the error responses
 * themselves are built with JSON-P: see the package documentation).
 *
 * @param data optional
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema#error">Error 2025-11-25</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/schema#error">Error 2026-07-28</a>
 */
@JsonbPropertyOrder({"code", "message", "data"})
public record JsonRpcError(int code, String message, JsonValue data) {}
