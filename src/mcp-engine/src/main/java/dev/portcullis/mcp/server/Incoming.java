package dev.portcullis.mcp.server;

import dev.portcullis.mcp.protocol.JsonRpcMessage;
import java.util.Objects;

/**
 * One POSTed message and the MCP headers that came with it ({@code paramHeaders}: the {@code Mcp-Param-*} headers
 * by lower-case suffix), already trimmed of surrounding whitespace (RFC 9110
 * section 5.5). Header values are null when absent. {@code user} supplies the authenticated user's name (null on an
 * open endpoint), asked only when needed: legacy sessions and tasks are bound to it, and asking the container is not
 * free.
 */
public record Incoming(JsonRpcMessage message, String sessionId, String protocolVersion, String mcpMethod,
        String mcpName, java.util.Map<String, String> paramHeaders, java.util.function.Supplier<String> user) {

    /** Without an authenticated user. */
    public Incoming(JsonRpcMessage message, String sessionId, String protocolVersion, String mcpMethod,
            String mcpName, java.util.Map<String, String> paramHeaders) {
        this(message, sessionId, protocolVersion, mcpMethod, mcpName, paramHeaders, () -> null);
    }

    /** The authenticated user's name, or null. */
    public String principal() {
        return user.get();
    }

    /** Without {@code Mcp-Param-*} headers. */
    public Incoming(JsonRpcMessage message, String sessionId, String protocolVersion, String mcpMethod, String mcpName) {
        this(message, sessionId, protocolVersion, mcpMethod, mcpName, java.util.Map.of());
    }

    public Incoming {
        java.util.Map<String, String> lower = new java.util.HashMap<>();
        paramHeaders.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v.strip()));
        paramHeaders = java.util.Map.copyOf(lower);
        Objects.requireNonNull(message, "message cannot be null");
        Objects.requireNonNull(user, "user cannot be null");
        sessionId = trim(sessionId);
        protocolVersion = trim(protocolVersion);
        mcpMethod = trim(mcpMethod);
        mcpName = trim(mcpName);
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }
}
