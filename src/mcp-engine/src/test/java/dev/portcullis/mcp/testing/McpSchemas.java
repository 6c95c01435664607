package dev.portcullis.mcp.testing;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Validates messages against the official MCP JSON Schemas (test resources {@code mcp-schema/<revision>}). */
public final class McpSchemas {

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

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

    private static String location(String revision) {
        if (McpSchemas.class.getResource("/mcp-schema/" + revision + "/schema.json") == null) {
            throw new IllegalArgumentException("no schema for " + revision);
        }
        return "classpath:mcp-schema/" + revision + "/schema.json";
    }
}
