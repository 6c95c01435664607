package dev.portcullis.mcp.server.notifications;

import dev.portcullis.mcp.protocol.McpMethods;

/**
 * A server-initiated notification before it is addressed to a stream: its method and, for
 * {@code notifications/resources/updated}, the resource URI.
 */
record Notice(String method, String uri) {

    static Notice resourceUpdated(String uri) {
        return new Notice(McpMethods.RESOURCES_UPDATED, uri);
    }

    static Notice listChanged(String method) {
        return new Notice(method, null);
    }
}
