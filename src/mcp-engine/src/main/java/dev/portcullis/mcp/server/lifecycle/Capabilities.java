package dev.portcullis.mcp.server.lifecycle;

import dev.portcullis.mcp.protocol.wire.ServerCapabilities;
import dev.portcullis.mcp.server.tasks.TasksExtension;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * The server capabilities, per era. {@code listChanged} and {@code subscribe} are true because the server delivers
 * them: legacy sessions on their standalone GET stream ({@code resources/subscribe} chooses the URIs), modern clients on
 * {@code subscriptions/listen} streams ({@code ServerNotifications}). The tasks extension is offered in the modern
 * era only.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle#capability-negotiation">Capability negotiation</a>
 */
final class Capabilities {

    private static final ServerCapabilities.ListChanged LIST_CHANGED = new ServerCapabilities.ListChanged(true);
    private static final ServerCapabilities.Resources RESOURCES = new ServerCapabilities.Resources(true, true);

    private Capabilities() {}

    static ServerCapabilities.Legacy legacy() {
        return new ServerCapabilities.Legacy(
                LIST_CHANGED, RESOURCES, LIST_CHANGED, JsonValue.EMPTY_JSON_OBJECT, JsonValue.EMPTY_JSON_OBJECT);
    }

    static ServerCapabilities.Modern modern() {
        return new ServerCapabilities.Modern(
                Map.of(TasksExtension.ID, JsonValue.EMPTY_JSON_OBJECT),
                LIST_CHANGED,
                RESOURCES,
                LIST_CHANGED,
                JsonValue.EMPTY_JSON_OBJECT,
                JsonValue.EMPTY_JSON_OBJECT);
    }
}
