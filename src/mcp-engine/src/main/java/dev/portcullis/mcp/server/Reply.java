package dev.portcullis.mcp.server;

import jakarta.json.JsonObject;

/**
 * What the transport writes back: an HTTP status, a JSON-RPC message or no body, and the session id to announce
 * (only for a successful {@code initialize}).
 */
public record Reply(int status, JsonObject body, String newSessionId) {

    /** 202 Accepted without a body: for notifications and client responses (T25, T26). */
    public static Reply accepted() {
        return new Reply(202, null, null);
    }

    public static Reply of(int status, JsonObject body) {
        return new Reply(status, body, null);
    }
}
