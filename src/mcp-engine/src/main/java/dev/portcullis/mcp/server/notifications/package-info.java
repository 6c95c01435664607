/**
 * Server-initiated notifications ({@code list_changed}, {@code resources/updated}): the hub feature beans call
 * through {@code McpNotifications} ({@link dev.portcullis.mcp.server.notifications.ServerNotifications}) and the
 * streams it feeds, a legacy session's standalone GET stream
 * ({@link dev.portcullis.mcp.server.notifications.SessionStream}) and a modern {@code subscriptions/listen} stream
 * ({@link dev.portcullis.mcp.server.notifications.ListenSubscription}). Depends on {@code exchange} only.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#listening-for-messages-from-the-server">Listening for messages from the server</a>
 */
package dev.portcullis.mcp.server.notifications;
