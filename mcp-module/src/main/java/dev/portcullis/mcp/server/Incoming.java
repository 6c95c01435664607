package dev.portcullis.mcp.server;

import dev.portcullis.mcp.protocol.JsonRpcMessage;
import java.util.Objects;

/**
 * One POSTed message and the MCP headers that came with it, already trimmed of surrounding whitespace (RFC 9110
 * section 5.5). Header values are null when absent.
 */
public record Incoming(JsonRpcMessage message, String sessionId, String protocolVersion, String mcpMethod,
        String mcpName) {

    public Incoming {
        Objects.requireNonNull(message, "message cannot be null");
        sessionId = trim(sessionId);
        protocolVersion = trim(protocolVersion);
        mcpMethod = trim(mcpMethod);
        mcpName = trim(mcpName);
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }
}
