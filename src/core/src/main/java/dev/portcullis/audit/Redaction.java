package dev.portcullis.audit;

import dev.portcullis.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Set;

/**
 * Replaces the values of configured fields ({@code portcullis.audit.redact-fields}, matched case-insensitively at
 * any depth) with {@value #REDACTED}, for the tool arguments and results a tool opted in to recording.
 */
public final class Redaction {

    public static final String REDACTED = "[redacted]";

    private final Set<String> fields;

    public Redaction(Set<String> lowerCaseFields) {
        this.fields = Set.copyOf(lowerCaseFields);
    }

    public JsonValue apply(JsonValue value) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder copy = Jsons.PROVIDER.createObjectBuilder();
            object.forEach((key, member) -> {
                if (fields.contains(key.toLowerCase(Locale.ROOT))) {
                    copy.add(key, REDACTED);
                } else {
                    copy.add(key, apply(member));
                }
            });
            return copy.build();
        }
        if (value instanceof JsonArray array) {
            JsonArrayBuilder copy = Jsons.PROVIDER.createArrayBuilder();
            array.forEach(item -> copy.add(apply(item)));
            return copy.build();
        }
        return value;
    }
}
