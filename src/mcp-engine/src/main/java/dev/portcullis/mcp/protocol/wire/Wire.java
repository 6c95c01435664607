package dev.portcullis.mcp.protocol.wire;

import dev.portcullis.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyOrderStrategy;
import java.io.StringReader;
import java.util.Map;

/**
 * Maps the wire records to JSON-P, for the engine's results, which are {@link JsonObject}s. One JSON-B instance:
 * it is thread-safe and expensive to create. Null components are left out (optional fields); properties keep the
 * record's order ({@link jakarta.json.bind.annotation.JsonbPropertyOrder} on each record).
 */
public final class Wire {

    private static final Jsonb JSONB = JsonbBuilder.create(
            new JsonbConfig().withNullValues(false).withPropertyOrderStrategy(PropertyOrderStrategy.ANY));

    private Wire() {}

    /** The JSON object of a wire record. */
    public static JsonObject toJson(Record message) {
        return parse(JSONB.toJson(message));
    }

    /** The JSON object of a map of wire records (as {@code InputRequests}), in the map's order. */
    public static JsonObject toJson(Map<String, ? extends Record> messages) {
        return parse(JSONB.toJson(messages));
    }

    private static JsonObject parse(String json) {
        // The engine's own output, not input: JsonInput's limits are for hostile text.
        try (JsonReader reader = Jsons.PROVIDER.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
