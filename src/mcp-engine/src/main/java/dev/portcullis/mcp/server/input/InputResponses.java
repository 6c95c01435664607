package dev.portcullis.mcp.server.input;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** The client's answers available to one modern-era request: earlier rounds' (from state) and this round's. */
public record InputResponses(Map<String, JsonObject> answers) {

    public static final InputResponses NONE = new InputResponses(Map.of());

    public InputResponses {
        answers = Map.copyOf(answers);
    }

    /** Earlier answers plus those of {@code inputResponses}; entries that are not objects are ignored. */
    public static InputResponses merge(Map<String, JsonObject> earlier, JsonObject inputResponses) {
        Map<String, JsonObject> all = new LinkedHashMap<>(earlier);
        inputResponses.forEach((key, value) -> {
            if (value.getValueType() == JsonValue.ValueType.OBJECT) {
                all.put(key, value.asJsonObject());
            }
        });
        return new InputResponses(all);
    }
}
