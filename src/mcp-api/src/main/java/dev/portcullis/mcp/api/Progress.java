package dev.portcullis.mcp.api;

/**
 * Reports progress of the current request to the client, when the client asked for it with a progress token.
 * Declare a parameter of this type on a feature method to receive it. Without a token, calls do nothing.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/progress">Progress</a>
 */
public interface Progress {

    /** Whether the client sent a progress token. */
    boolean active();

    /** Sends {@code notifications/progress}; {@code progress} must increase with every call. */
    void notify(double progress, Double total, String message);
}
