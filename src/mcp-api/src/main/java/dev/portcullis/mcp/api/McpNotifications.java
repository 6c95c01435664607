package dev.portcullis.mcp.api;

/**
 * Tells connected clients that something changed, outside any request: a resource's content, or the list of
 * tools, resources or prompts. Inject it ({@code @Inject McpNotifications notifications}) into any bean.
 *
 * <p>Legacy sessions (2025-11-25 and earlier) receive these on their standalone GET stream, and
 * {@code notifications/resources/updated} only for URIs they subscribed to with {@code resources/subscribe}.
 * Modern clients (2026-07-28) receive them on {@code subscriptions/listen} streams, and only the types they asked for.
 * Clients that have no such stream open miss the notification; none are queued.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/resources#subscriptions">Resource subscriptions</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/subscriptions">Subscriptions (2026-07-28)</a>
 */
public interface McpNotifications {

    /** Sends {@code notifications/resources/updated} for {@code uri} to the clients subscribed to it. */
    void resourceUpdated(String uri);

    /** Sends {@code notifications/tools/list_changed}. */
    void toolsListChanged();

    /** Sends {@code notifications/resources/list_changed}. */
    void resourcesListChanged();

    /** Sends {@code notifications/prompts/list_changed}. */
    void promptsListChanged();
}
