package dev.portcullis.mcp.server.notifications;

import dev.portcullis.mcp.api.McpNotifications;
import dev.portcullis.mcp.protocol.McpMethods;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fans server-initiated notifications out to the open notification streams (legacy GET streams, modern
 * {@code subscriptions/listen} streams); each stream decides what it wants. One per application: the injectable
 * {@link McpNotifications} of feature beans, also handed to the {@code McpServer}.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#listening-for-messages-from-the-server">Listening for messages from the server</a>
 */
@ApplicationScoped
public class ServerNotifications implements McpNotifications {

    private final Set<NotificationSink> sinks = ConcurrentHashMap.newKeySet();

    public void add(NotificationSink sink) {
        sinks.add(sink);
    }

    void remove(NotificationSink sink) {
        sinks.remove(sink);
    }

    /** How many streams are open (for tests and diagnostics). */
    public int openStreams() {
        return sinks.size();
    }

    @Override
    public void resourceUpdated(String uri) {
        publish(Notice.resourceUpdated(Objects.requireNonNull(uri, "uri cannot be null")));
    }

    @Override
    public void toolsListChanged() {
        publish(Notice.listChanged(McpMethods.TOOLS_LIST_CHANGED));
    }

    @Override
    public void resourcesListChanged() {
        publish(Notice.listChanged(McpMethods.RESOURCES_LIST_CHANGED));
    }

    @Override
    public void promptsListChanged() {
        publish(Notice.listChanged(McpMethods.PROMPTS_LIST_CHANGED));
    }

    /** Ends every stream (application shutdown). */
    public void endAll() {
        for (NotificationSink sink : Set.copyOf(sinks)) {
            sinks.remove(sink);
            sink.end();
        }
    }

    private void publish(Notice notice) {
        sinks.removeIf(sink -> !sink.deliver(notice));
    }
}
