package dev.portcullis.mcp.tools;

import dev.portcullis.mcp.protocol.wire.Prompt;
import dev.portcullis.mcp.protocol.wire.PromptArgument;
import dev.portcullis.mcp.protocol.wire.Resource;
import dev.portcullis.mcp.protocol.wire.ResourceTemplate;
import dev.portcullis.mcp.protocol.wire.Tool;
import dev.portcullis.mcp.protocol.wire.ToolAnnotations;
import dev.portcullis.mcp.protocol.wire.Wire;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * The list entries of the features, from their annotations' values, as wire records mapped once when the registry
 * is built (the names of the API's annotations are the wire records' names, hence this class). An empty annotation
 * value is an absent field.
 */
final class Descriptors {

    private Descriptors() {}

    static JsonObject tool(
            String name,
            String title,
            String description,
            JsonObject inputSchema,
            JsonObject outputSchema,
            ToolAnnotations annotations) {
        return Wire.toJson(new Tool(name, absent(title), absent(description), inputSchema, outputSchema, annotations));
    }

    static ToolAnnotations annotations(
            String title, boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {
        return new ToolAnnotations(absent(title), readOnly, destructive, idempotent, openWorld);
    }

    static JsonObject resource(String uri, String name, String title, String description, String mimeType) {
        return Wire.toJson(new Resource(uri, name, absent(title), absent(description), absent(mimeType)));
    }

    static JsonObject template(String uriTemplate, String name, String title, String description, String mimeType) {
        return Wire.toJson(
                new ResourceTemplate(uriTemplate, name, absent(title), absent(description), absent(mimeType)));
    }

    static PromptArgument argument(String name, String description, boolean required) {
        return new PromptArgument(name, absent(description), required);
    }

    static JsonObject prompt(String name, String title, String description, List<PromptArgument> arguments) {
        return Wire.toJson(new Prompt(name, absent(title), absent(description), arguments));
    }

    private static String absent(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
