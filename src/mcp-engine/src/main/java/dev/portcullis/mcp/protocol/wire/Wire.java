package dev.portcullis.mcp.protocol.wire;

import dev.portcullis.mcp.protocol.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyOrderStrategy;
import java.io.StringReader;

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
        // The engine's own output, not input: JsonInput's limits are for hostile text.
        try (JsonReader reader = Jsons.PROVIDER.createReader(new StringReader(JSONB.toJson(message)))) {
            return reader.readObject();
        }
    }
}
