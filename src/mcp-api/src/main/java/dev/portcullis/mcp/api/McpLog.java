package dev.portcullis.mcp.api;

/**
 * Sends log messages about the current request to the client ({@code notifications/message}), filtered by the
 * level the client chose. Never log secrets or personal data. Declare a parameter of this type to receive it.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/utilities/logging">Logging</a>
 */
public interface McpLog {

    /** RFC 5424 severities, lowest first. */
    enum Level {
        DEBUG,
        INFO,
        NOTICE,
        WARNING,
        ERROR,
        CRITICAL,
        ALERT,
        EMERGENCY
    }

    void send(Level level, String logger, String message);

    default void info(String message) {
        send(Level.INFO, null, message);
    }
}
