package dev.portcullis.inspector;

import dev.portcullis.json.Jsons;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the inspector may show of a JSON-RPC message: the value of every member whose name looks like a credential
 * ({@code token}, {@code secret}, {@code password}, {@code authorization}, ...), of the configured audit redaction
 * fields and of a tool's {@code sensitive} arguments becomes {@value #REDACTED}, and so does any string that looks
 * like a JWT or a bearer credential, wherever it sits (a tool result that echoes one, say).
 */
public final class ExchangeRedaction {

    public static final String REDACTED = "[redacted]";

    private static final Pattern CREDENTIAL_NAME = Pattern.compile(
            ".*(token|secret|password|passwd|authorization|api[_-]?key|credential|cookie|assertion|private[_-]?key).*");
    /** Three base64url parts, the first a JSON header ({@code eyJ}): a JWS or JWE compact serialization. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_.-]*");

    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic|dpop)\\s+[A-Za-z0-9._~+/=-]{8,}");

    private final Set<String> fields;

    /** @param lowerCaseFields names redacted besides the credential-looking ones */
    public ExchangeRedaction(Set<String> lowerCaseFields) {
        this.fields = Set.copyOf(lowerCaseFields);
    }

    /** {@code value} with credentials and {@code sensitive} member names (any depth) redacted. */
    public JsonValue apply(JsonValue value, Set<String> sensitive) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder copy = Jsons.PROVIDER.createObjectBuilder();
            object.forEach((key, member) -> {
                String name = key.toLowerCase(Locale.ROOT);
                if (fields.contains(name)
                        || sensitive.contains(key)
                        || CREDENTIAL_NAME.matcher(name).matches()) {
                    copy.add(key, REDACTED);
                } else {
                    copy.add(key, apply(member, sensitive));
                }
            });
            return copy.build();
        }
        if (value instanceof JsonArray array) {
            JsonArrayBuilder copy = Jsons.PROVIDER.createArrayBuilder();
            array.forEach(item -> copy.add(apply(item, sensitive)));
            return copy.build();
        }
        if (value instanceof JsonString string) {
            String text = text(string.getString());
            return text.equals(string.getString()) ? value : Jsons.PROVIDER.createValue(text);
        }
        return value;
    }

    /** Free text with anything that looks like a JWT or a bearer credential replaced. */
    public static String text(String text) {
        String cleaned = JWT.matcher(text).replaceAll(REDACTED);
        return BEARER.matcher(cleaned).replaceAll(m -> m.group(1) + " " + REDACTED);
    }
}
