package dev.portcullis.mcp.server.exchange;

import jakarta.json.JsonObject;

/**
 * The channel for messages that belong to the request being served (progress and log notifications) and that
 * travel ahead of its response on the POST's SSE stream.
 */
public interface Outbound {

    /** Sends a message; false when the stream is closed (modern era: that is cancellation). */
    boolean send(JsonObject message);

    /** Whether the client went away. */
    boolean isClosed();

    /** Sends a message even when the channel is backed up (the last message of a torn-down stream). */
    default boolean sendNow(JsonObject message) {
        return send(message);
    }

    /** No more messages: the transport may end the stream (long-lived notification streams only). */
    default void finish() {}

    /** A channel that drops everything: for JSON responses, which carry no notifications or requests. */
    Outbound DISCARD = new Outbound() {
        @Override
        public boolean send(JsonObject message) {
            return false;
        }

        @Override
        public boolean isClosed() {
            return false;
        }
    };
}
