package dev.portcullis.mcp.server.exchange;

import jakarta.json.JsonObject;
import java.util.Set;

/**
 * What the transport writes back: an HTTP status, a JSON-RPC message or no body, the session id to announce
 * (only for a successful {@code initialize}) and, for a 403, every scope the refused operation needs.
 */
public record Reply(int status, JsonObject body, String newSessionId, Set<String> requiredScopes) {

    public Reply(int status, JsonObject body, String newSessionId) {
        this(status, body, newSessionId, Set.of());
    }

    public Reply {
        requiredScopes = Set.copyOf(requiredScopes);
    }

    /** 403: the caller's token lacks scopes the operation needs (RFC 6750 section 3.1 insufficient_scope). */
    public static Reply insufficientScope(JsonObject body, Set<String> requiredScopes) {
        return new Reply(403, body, null, requiredScopes);
    }

    /** 202 Accepted without a body: for notifications and client responses (T25, T26). */
    public static Reply accepted() {
        return new Reply(202, null, null);
    }

    public static Reply of(int status, JsonObject body) {
        return new Reply(status, body, null);
    }
}
