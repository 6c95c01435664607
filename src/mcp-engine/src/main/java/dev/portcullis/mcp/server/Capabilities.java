package dev.portcullis.mcp.server;

import jakarta.json.Json;
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
        JsonObjectBuilder resources = Json.createObjectBuilder().add("listChanged", false);
        if (era == Era.LEGACY) {
            resources.add("subscribe", true);
        }
        JsonObjectBuilder capabilities = Json.createObjectBuilder();
        if (era == Era.MODERN) {
            capabilities.add("extensions", TasksExtension.advertised());
        }
        return capabilities
                .add("tools", Json.createObjectBuilder().add("listChanged", false))
                .add("resources", resources)
                .add("prompts", Json.createObjectBuilder().add("listChanged", false))
                .add("completions", JsonValue.EMPTY_JSON_OBJECT)
                .add("logging", JsonValue.EMPTY_JSON_OBJECT)
                .build();
    }
}
