package dev.portcullis.mcp.tools;

import dev.portcullis.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Generates JSON Schema 2020-12 from Java types: strings, integers, numbers, booleans, enums (by constant name),
 * records (an object whose non-{@code Optional} components are required), lists, sets and arrays, maps with
 * {@code String} keys, {@code Optional<T>}, and JSON-P values (any JSON). Everything else is unsupported and fails
 * the deployment, naming the type.
 *
 * @see <a href="https://json-schema.org/draft/2020-12/json-schema-core">JSON Schema 2020-12</a>
 */
public final class JsonSchemaGenerator {

    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private final Deque<Class<?>> path = new ArrayDeque<>();

    /** The schema of values of {@code type}. */
    public JsonObject schemaOf(Type type) {
        Class<?> raw = JavaTypes.raw(type);
        if (raw == String.class || raw == char.class || raw == Character.class) {
            return typed("string");
        }
        if (JavaTypes.INTEGERS.contains(raw)) {
            return typed("integer");
        }
        if (JavaTypes.NUMBERS.contains(raw)) {
            return typed("number");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return typed("boolean");
        }
        if (raw.isEnum()) {
            JsonArrayBuilder constants = Jsons.PROVIDER.createArrayBuilder();
            for (Object constant : raw.getEnumConstants()) {
                constants.add(((Enum<?>) constant).name());
            }
            return Jsons.PROVIDER
                    .createObjectBuilder()
                    .add("type", "string")
                    .add("enum", constants)
                    .build();
        }
        if (JsonValue.class.isAssignableFrom(raw)) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (raw == Optional.class) {
            return schemaOf(JavaTypes.argument(type, 0));
        }
        if (raw.isArray() || JavaTypes.isCollection(raw)) {
            return Jsons.PROVIDER
                    .createObjectBuilder()
                    .add("type", "array")
                    .add("items", schemaOf(JavaTypes.elementType(type)))
                    .build();
        }
        if (JavaTypes.isMap(raw)) {
            if (JavaTypes.argument(type, 0) != String.class) {
                throw new UnsupportedTypeException(type, "map keys must be String");
            }
            return Jsons.PROVIDER
                    .createObjectBuilder()
                    .add("type", "object")
                    .add("additionalProperties", schemaOf(JavaTypes.argument(type, 1)))
                    .build();
        }
        if (raw.isRecord()) {
            return recordSchema(raw);
        }
        throw new UnsupportedTypeException(
                type,
                "use a String, number, boolean, enum, record, List, Set, array, "
                        + "Map<String, ?>, Optional or a JSON-P value");
    }

    private JsonObject recordSchema(Class<?> record) {
        if (path.contains(record)) {
            throw new UnsupportedTypeException(record, "recursive records are not supported");
        }
        path.push(record);
        try {
            ObjectSchemaBuilder object = new ObjectSchemaBuilder();
            for (RecordComponent component : record.getRecordComponents()) {
                Type type = component.getGenericType();
                object.property(component.getName(), schemaOf(type), !JavaTypes.isOptional(type));
            }
            return object.build();
        } finally {
            path.pop();
        }
    }

    private static JsonObject typed(String type) {
        return Jsons.PROVIDER.createObjectBuilder().add("type", type).build();
    }

    /** Builds an object schema property by property; unknown properties are not allowed. */
    public static final class ObjectSchemaBuilder {
        private final JsonObjectBuilder properties = Jsons.PROVIDER.createObjectBuilder();
        private final JsonArrayBuilder required = Jsons.PROVIDER.createArrayBuilder();
        private boolean anyRequired;

        public ObjectSchemaBuilder property(String name, JsonObject schema, boolean isRequired) {
            properties.add(name, schema);
            if (isRequired) {
                required.add(name);
                anyRequired = true;
            }
            return this;
        }

        public JsonObject build() {
            JsonObjectBuilder schema =
                    Jsons.PROVIDER.createObjectBuilder().add("type", "object").add("properties", properties);
            if (anyRequired) {
                schema.add("required", required);
            }
            return schema.add("additionalProperties", false).build();
        }
    }
}
