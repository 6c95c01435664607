package dev.portcullis.mcp.server;

import dev.portcullis.mcp.protocol.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * The server capabilities, per era: resource subscriptions exist only in legacy sessions (modern ones would need
 * {@code subscriptions/listen}, not offered yet); the tasks extension is offered in the modern era only.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle#capability-negotiation">Capability negotiation</a>
 */
final class Capabilities {

    private Capabilities() {
    }

    static JsonObject of(Era era) {
        JsonObjectBuilder resources = Jsons.PROVIDER.createObjectBuilder().add("listChanged", false);
        if (era == Era.LEGACY) {
            resources.add("subscribe", true);
        }
        JsonObjectBuilder capabilities = Jsons.PROVIDER.createObjectBuilder();
        if (era == Era.MODERN) {
            capabilities.add("extensions", TasksExtension.advertised());
        }
        return capabilities
                .add("tools", Jsons.PROVIDER.createObjectBuilder().add("listChanged", false))
                .add("resources", resources)
                .add("prompts", Jsons.PROVIDER.createObjectBuilder().add("listChanged", false))
                .add("completions", JsonValue.EMPTY_JSON_OBJECT)
                .add("logging", JsonValue.EMPTY_JSON_OBJECT)
                .build();
    }
}
