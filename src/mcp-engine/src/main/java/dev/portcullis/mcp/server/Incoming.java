package dev.portcullis.mcp.server;

import dev.portcullis.mcp.api.Caller;
import dev.portcullis.mcp.protocol.JsonRpcMessage;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One POSTed message and the MCP headers that came with it ({@code paramHeaders}: the {@code Mcp-Param-*} headers
 * by lower-case suffix), already trimmed of surrounding whitespace (RFC 9110
 * section 5.5). Header values are null when absent. {@code caller} is who sent it ({@link Caller#ANONYMOUS} on an
 * open endpoint): legacy sessions and tasks are bound to its name.
 */
public record Incoming(
        JsonRpcMessage message,
        String sessionId,
        String protocolVersion,
        String mcpMethod,
        String mcpName,
        Map<String, String> paramHeaders,
        Caller caller) {

    /** From an anonymous caller. */
    public Incoming(
            JsonRpcMessage message,
            String sessionId,
            String protocolVersion,
            String mcpMethod,
            String mcpName,
            Map<String, String> paramHeaders) {
        this(message, sessionId, protocolVersion, mcpMethod, mcpName, paramHeaders, Caller.ANONYMOUS);
    }

    /** The authenticated user's name, or null. */
    public String principal() {
        return caller.name();
    }

    /** Without {@code Mcp-Param-*} headers. */
    public Incoming(
            JsonRpcMessage message, String sessionId, String protocolVersion, String mcpMethod, String mcpName) {
        this(message, sessionId, protocolVersion, mcpMethod, mcpName, Map.of());
    }

    public Incoming {
        Map<String, String> lower = new HashMap<>();
        paramHeaders.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v.strip()));
        paramHeaders = Map.copyOf(lower);
        Objects.requireNonNull(message, "message cannot be null");
        Objects.requireNonNull(caller, "caller cannot be null");
        sessionId = trim(sessionId);
        protocolVersion = trim(protocolVersion);
        mcpMethod = trim(mcpMethod);
        mcpName = trim(mcpName);
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }
}
