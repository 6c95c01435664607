package dev.portcullis.mcp.testing;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Validates messages against the official MCP JSON Schemas (test resources {@code mcp-schema/<revision>}). */
public final class McpSchemas {

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static final Map<String, JsonObject> DEFS = new ConcurrentHashMap<>();

    private McpSchemas() {}

    /** The validation errors of {@code value} against {@code $defs/<definition>} of {@code revision}. */
    public static List<String> errors(String revision, String definition, JsonObject value) {
        Schema schema = SCHEMAS.computeIfAbsent(
                revision + "#" + definition,
                key -> REGISTRY.getSchema(SchemaLocation.of(location(revision) + "#/$defs/" + definition)));
        return schema.validate(value.toString(), InputFormat.JSON).stream()
                .map(Error::toString)
                .toList();
    }

    /**
     * The members of {@code value} (and of the objects in it, following the definition's {@code properties},
     * {@code items}, {@code $ref} and {@code allOf}) that the definition does not declare. The schemas leave
     * {@code additionalProperties} open, so a misspelt optional field validates: this finds it. An object whose
     * schema declares no properties (a {@code MetaObject}, a JSON Schema, a tool result) is not looked into.
     */
    public static List<String> undeclared(String revision, String definition, JsonObject value) {
        JsonObject defs = DEFS.computeIfAbsent(revision, McpSchemas::defs);
        List<String> found = new ArrayList<>();
        walk(defs, defs.getJsonObject(definition), value, "", found);
        return found;
    }

    private static void walk(JsonObject defs, JsonObject schema, JsonValue value, String path, List<String> found) {
        schema = resolve(defs, schema);
        if (value instanceof JsonArray array && schema.get("items") instanceof JsonObject items) {
            for (int i = 0; i < array.size(); i++) {
                walk(defs, items, array.get(i), path + "/" + i, found);
            }
            return;
        }
        if (!(value instanceof JsonObject object)) {
            return;
        }
        Map<String, JsonObject> properties = new LinkedHashMap<>();
        collect(defs, schema, properties);
        JsonValue additional = schema.get("additionalProperties");
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
            JsonObject declared = properties.get(member.getKey());
            if (declared != null) {
                walk(defs, declared, member.getValue(), path + "/" + member.getKey(), found);
            } else if (additional instanceof JsonObject each) {
                walk(defs, each, member.getValue(), path + "/" + member.getKey(), found);
            } else if (!properties.isEmpty() && additional == null) {
                found.add(path + "/" + member.getKey());
            }
        }
    }

    private static void collect(JsonObject defs, JsonObject schema, Map<String, JsonObject> properties) {
        schema = resolve(defs, schema);
        if (schema.get("properties") instanceof JsonObject declared) {
            declared.forEach((name, property) -> properties.putIfAbsent(name, property.asJsonObject()));
        }
        if (schema.get("allOf") instanceof JsonArray all) {
            all.forEach(part -> collect(defs, part.asJsonObject(), properties));
        }
    }

    private static JsonObject resolve(JsonObject defs, JsonObject schema) {
        while (schema.get("$ref") instanceof JsonString ref && ref.getString().startsWith("#/$defs/")) {
            schema = defs.getJsonObject(ref.getString().substring("#/$defs/".length()));
        }
        return schema;
    }

    private static JsonObject defs(String revision) {
        try (InputStream in = McpSchemas.class.getResourceAsStream("/mcp-schema/" + revision + "/schema.json");
                JsonReader reader = Json.createReader(in)) {
            return reader.readObject().getJsonObject("$defs");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String location(String revision) {
        if (McpSchemas.class.getResource("/mcp-schema/" + revision + "/schema.json") == null) {
            throw new IllegalArgumentException("no schema for " + revision);
        }
        return "classpath:mcp-schema/" + revision + "/schema.json";
    }
}
