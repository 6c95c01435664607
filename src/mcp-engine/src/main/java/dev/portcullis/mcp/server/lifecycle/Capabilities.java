package dev.portcullis.mcp.server.lifecycle;

import dev.portcullis.mcp.protocol.Jsons;
import dev.portcullis.mcp.server.exchange.Era;
import dev.portcullis.mcp.server.notifications.ServerNotifications;
import dev.portcullis.mcp.server.tasks.TasksExtension;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * The server capabilities, per era. {@code listChanged} and {@code subscribe} are true because the server delivers
 * them: legacy sessions on their standalone GET stream ({@code resources/subscribe} chooses the URIs), modern clients on
 * {@code subscriptions/listen} streams ({@link ServerNotifications}). The tasks extension is offered in the modern
 * era only.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle#capability-negotiation">Capability negotiation</a>
 */
final class Capabilities {

    private Capabilities() {
    }

    static JsonObject of(Era era) {
        JsonObjectBuilder resources = Jsons.PROVIDER.createObjectBuilder().add("subscribe", true).add("listChanged", true);
        JsonObjectBuilder capabilities = Jsons.PROVIDER.createObjectBuilder();
        if (era == Era.MODERN) {
            capabilities.add("extensions", TasksExtension.advertised());
        }
        return capabilities
                .add("tools", Jsons.PROVIDER.createObjectBuilder().add("listChanged", true))
                .add("resources", resources)
                .add("prompts", Jsons.PROVIDER.createObjectBuilder().add("listChanged", true))
                .add("completions", JsonValue.EMPTY_JSON_OBJECT)
                .add("logging", JsonValue.EMPTY_JSON_OBJECT)
                .build();
    }
}
