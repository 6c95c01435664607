package dev.portcullis.mcp.tools;

import dev.portcullis.json.Jsons;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;

/** The one JSON-B instance, for values tools return; it is thread-safe and expensive to create. */
final class Jsonb {

    private static final jakarta.json.bind.Jsonb JSONB = JsonbBuilder.create();

    private Jsonb() {}

    static JsonValue toJson(Object value) {
        if (value instanceof JsonValue json) {
            return json;
        }
        // The application's own output (a tool's return value), not input: JsonInput's limits are for hostile text.
        try (var reader = Jsons.PROVIDER.createReader(new StringReader(JSONB.toJson(value)))) {
            return reader.readValue();
        }
    }
}
