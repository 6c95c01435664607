package dev.portcullis.mcp.tools;

import dev.portcullis.json.Jsons;
import dev.portcullis.mcp.api.ResourceContents;
import dev.portcullis.mcp.api.TextResourceContents;
import dev.portcullis.mcp.protocol.wire.ReadResourceResult;
import dev.portcullis.mcp.protocol.wire.Wire;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * A discovered resource or resource template and its method.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/resources">Resources</a>
 */
public final class ResourceDefinition {

    private final String key;
    private final UriTemplate template;
    private final String mimeType;
    private final JsonObject descriptor;
    private final FeatureMethod method;

    ResourceDefinition(String key, UriTemplate template, String mimeType, JsonObject descriptor, FeatureMethod method) {
        this.key = key;
        this.template = template;
        this.mimeType = mimeType;
        this.descriptor = descriptor;
        this.method = method;
    }

    /** The URI, or for a template the URI template. */
    public String key() {
        return key;
    }

    public boolean isTemplate() {
        return template != null;
    }

    public UriTemplate template() {
        return template;
    }

    /** The {@code Resource} or {@code ResourceTemplate} object for the list methods. */
    /** Who may see and call it. */
    public AccessRule access() {
        return method.access();
    }

    public JsonObject descriptor() {
        return descriptor;
    }

    /** The {@code contents} of {@code resources/read} for {@code uri}, whose template variables are {@code variables}. */
    public JsonArray read(String uri, Map<String, String> variables, InvocationScope scope) {
        var arguments = Jsons.PROVIDER.createObjectBuilder();
        variables.forEach(arguments::add);
        Object returned = method.invoke(arguments.build(), scope);
        JsonArrayBuilder contents = Jsons.PROVIDER.createArrayBuilder();
        if (returned instanceof String text) {
            contents.add(ContentEncoder.encode(new TextResourceContents(uri, mimeType, text)));
        } else if (returned instanceof ResourceContents single) {
            contents.add(ContentEncoder.encode(single));
        } else if (returned instanceof List<?> list) {
            list.forEach(item -> contents.add(ContentEncoder.encode((ResourceContents) item)));
        } else if (returned != null) {
            contents.add(Wire.toJson(new ReadResourceResult.TextResourceContents(
                    uri, "application/json", Jsonb.toJson(returned).toString())));
        }
        return contents.build();
    }
}
