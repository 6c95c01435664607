package dev.portcullis.mcp.tools;

import dev.portcullis.json.Jsons;
import dev.portcullis.mcp.api.AudioContent;
import dev.portcullis.mcp.api.BlobResourceContents;
import dev.portcullis.mcp.api.Content;
import dev.portcullis.mcp.api.EmbeddedResource;
import dev.portcullis.mcp.api.ImageContent;
import dev.portcullis.mcp.api.ResourceContents;
import dev.portcullis.mcp.api.ResourceLink;
import dev.portcullis.mcp.api.TextContent;
import dev.portcullis.mcp.api.TextResourceContents;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * Encodes the API's content records as MCP {@code ContentBlock} and {@code ResourceContents} objects.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema#contentblock">ContentBlock</a>
 */
public final class ContentEncoder {

    private ContentEncoder() {}

    public static JsonObject encode(Content content) {
        JsonObjectBuilder json = Jsons.PROVIDER.createObjectBuilder();
        if (content instanceof TextContent text) {
            json.add("type", "text").add("text", text.text());
        } else if (content instanceof ImageContent image) {
            json.add("type", "image").add("data", image.data()).add("mimeType", image.mimeType());
        } else if (content instanceof AudioContent audio) {
            json.add("type", "audio").add("data", audio.data()).add("mimeType", audio.mimeType());
        } else if (content instanceof EmbeddedResource embedded) {
            json.add("type", "resource").add("resource", encode(embedded.resource()));
        } else if (content instanceof ResourceLink link) {
            json.add("type", "resource_link").add("uri", link.uri()).add("name", link.name());
            addIfPresent(json, "description", link.description());
            addIfPresent(json, "mimeType", link.mimeType());
        }
        return json.build();
    }

    public static JsonObject encode(ResourceContents contents) {
        JsonObjectBuilder json = Jsons.PROVIDER.createObjectBuilder().add("uri", contents.uri());
        addIfPresent(json, "mimeType", contents.mimeType());
        if (contents instanceof TextResourceContents text) {
            json.add("text", text.text());
        } else if (contents instanceof BlobResourceContents blob) {
            json.add("blob", blob.blob());
        }
        return json.build();
    }

    static void addIfPresent(JsonObjectBuilder json, String key, String value) {
        if (value != null && !value.isEmpty()) {
            json.add(key, value);
        }
    }
}
