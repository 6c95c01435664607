package dev.portcullis.conformance;

import dev.portcullis.mcp.api.AudioContent;
import dev.portcullis.mcp.api.Content;
import dev.portcullis.mcp.api.EmbeddedResource;
import dev.portcullis.mcp.api.ImageContent;
import dev.portcullis.mcp.api.McpLog;
import dev.portcullis.mcp.api.Progress;
import dev.portcullis.mcp.api.TextContent;
import dev.portcullis.mcp.api.TextResourceContents;
import dev.portcullis.mcp.api.Tool;
import dev.portcullis.mcp.api.ToolArg;
import dev.portcullis.mcp.api.ToolCallException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** The conformance suite's tools. */
@ApplicationScoped
public class ConformanceTools {

    /** A 1x1 red PNG. */
    static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
    /** A tiny WAV header with no samples. */
    static final String WAV = "UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAEAfAAABAAgAZGF0YQAAAAA=";

    @Tool(name = "test_simple_text", description = "Returns simple text")
    public String simpleText() {
        return "This is a simple text response for testing.";
    }

    @Tool(name = "test_image_content", description = "Returns an image")
    public Content image() {
        return new ImageContent(PNG, "image/png");
    }

    @Tool(name = "test_audio_content", description = "Returns audio")
    public Content audio() {
        return new AudioContent(WAV, "audio/wav");
    }

    @Tool(name = "test_embedded_resource", description = "Returns an embedded resource")
    public Content embedded() {
        return new EmbeddedResource(new TextResourceContents("test://embedded-resource", "text/plain",
                "This is an embedded resource content."));
    }

    @Tool(name = "test_multiple_content_types", description = "Returns text, image and resource")
    public List<Content> multiple() {
        return List.of(new TextContent("Multiple content types test:"), new ImageContent(PNG, "image/png"),
                new EmbeddedResource(new TextResourceContents("test://mixed-content-resource", "application/json",
                        "{\"test\":\"data\",\"value\":123}")));
    }

    @Tool(name = "test_tool_with_logging", description = "Sends three log messages while it runs")
    public String logging(McpLog log) throws InterruptedException {
        log.info("Tool execution started");
        Thread.sleep(50);
        log.info("Tool processing data");
        Thread.sleep(50);
        log.info("Tool execution completed");
        return "Tool with logging executed successfully";
    }

    @Tool(name = "test_tool_with_progress", description = "Reports progress 0, 50 and 100 of 100")
    public String progress(Progress progress) throws InterruptedException {
        progress.notify(0, 100.0, null);
        Thread.sleep(50);
        progress.notify(50, 100.0, null);
        Thread.sleep(50);
        progress.notify(100, 100.0, null);
        return "Tool with progress executed successfully";
    }

    @Tool(name = "test_custom_header", description = "Echoes a value that is mirrored into the Mcp-Param-Region header")
    public String customHeader(@ToolArg(description = "A region", header = "Region") String region) {
        return "Region: " + region;
    }

    @Tool(name = "test_error_handling", description = "Always fails")
    public String error() {
        throw new ToolCallException("This tool intentionally returns an error for testing");
    }

    @Tool(name = "json_schema_2020_12_tool", description = "Tool with JSON Schema 2020-12 features", inputSchema = """
            {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
             "$defs":{"address":{"$anchor":"addressDef","type":"object",
                                 "properties":{"street":{"type":"string"},"city":{"type":"string"}}}},
             "properties":{"name":{"type":"string"},"address":{"$ref":"#/$defs/address"},
                           "contactMethod":{"type":"string","enum":["phone","email"]},
                           "phone":{"type":"string"},"email":{"type":"string"}},
             "allOf":[{"anyOf":[{"required":["phone"]},{"required":["email"]}]}],
             "if":{"properties":{"contactMethod":{"const":"phone"}},"required":["contactMethod"]},
             "then":{"required":["phone"]},"else":{"required":["email"]},
             "additionalProperties":false}""")
    public String jsonSchema(@ToolArg(required = false) Optional<String> name,
            @ToolArg(required = false) Optional<JsonObject> address) {
        return "Received name=" + name.orElse("") + ", address=" + address.map(Object::toString).orElse("{}");
    }
}
