package dev.portcullis.mcp.server.observation;

import dev.portcullis.mcp.api.Caller;

/**
 * Hears what the server served, for an audit trail or metrics, without the engine knowing either: every
 * {@code tools/call}, {@code resources/read} and {@code prompts/get} once answered, and every legacy session opened or
 * ended. Called on the thread that served the request; an implementation must return quickly and must not throw
 * (what it throws is logged and ignored).
 */
public interface McpObserver {

    /** Hears nothing. */
    McpObserver NONE = new McpObserver() {};

    /** A feature call was answered. */
    default void served(ServedCall call) {}

    /**
     * {@code initialize} opened a legacy session; {@code sessionKey} is the SHA-256 of its id in hex
     * ({@link dev.portcullis.mcp.session.SessionKeys}), never the id itself, which with the owner's token would use it.
     */
    default void sessionOpened(String sessionKey, Caller caller) {}

    /**
     * A legacy session ended, on whichever server ended it: {@code reason} is {@code deleted} (the client's DELETE),
     * {@code expired} or {@code evicted}; {@code sessionKey} as in {@link #sessionOpened}.
     */
    default void sessionClosed(String sessionKey, String owner, String reason) {}
}
