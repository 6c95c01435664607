package dev.portcullis.mcp.server.notifications;

import dev.portcullis.mcp.protocol.JsonRpc;
import dev.portcullis.mcp.protocol.wire.ResourceUpdatedNotificationParams;
import dev.portcullis.mcp.protocol.wire.Wire;
import dev.portcullis.mcp.server.exchange.Outbound;
import dev.portcullis.mcp.session.McpSession;
import jakarta.json.JsonValue;

/**
 * A legacy session's standalone GET stream: list-changed notifications, and {@code notifications/resources/updated}
 * for the URIs the session subscribed to. Never responses, never messages that belong to a request (T25 2.8, 2.9).
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#listening-for-messages-from-the-server">Listening for messages from the server</a>
 */
public final class SessionStream implements NotificationSink, NotificationStream, McpSession.Standalone {

    private final McpSession session;
    private final Outbound out;
    private final ServerNotifications hub;

    public SessionStream(McpSession session, Outbound out, ServerNotifications hub) {
        this.session = session;
        this.out = out;
        this.hub = hub;
    }

    @Override
    public boolean deliver(Notice notice) {
        if (out.isClosed()) {
            return false;
        }
        if (notice.uri() != null) {
            if (!session.subscribed(notice.uri())) {
                return true;
            }
            return out.send(JsonRpc.notification(
                            notice.method(), Wire.toJson(new ResourceUpdatedNotificationParams(notice.uri(), null))))
                    || !out.isClosed();
        }
        return out.send(JsonRpc.notification(notice.method(), JsonValue.EMPTY_JSON_OBJECT)) || !out.isClosed();
    }

    @Override
    public void end() {
        hub.remove(this);
        out.finish();
    }

    @Override
    public void close() {
        hub.remove(this);
        session.forgetStandaloneStream(this);
    }
}
