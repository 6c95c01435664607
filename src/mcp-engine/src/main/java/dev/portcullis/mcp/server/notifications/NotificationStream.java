package dev.portcullis.mcp.server.notifications;

import dev.portcullis.mcp.server.exchange.Outbound;

/**
 * An open notification stream, as the transport holds it: closing it (the client went away) stops deliveries.
 * The server ends it from its side through {@link Outbound#finish()}.
 */
public interface NotificationStream extends AutoCloseable {

    @Override
    void close();
}
