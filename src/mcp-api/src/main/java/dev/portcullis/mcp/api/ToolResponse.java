package dev.portcullis.mcp.api;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The full result of a tool call: content blocks, the error flag and optional structured content (any value
 * JSON-B can serialize).
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema#calltoolresult">CallToolResult</a>
 */
public record ToolResponse(List<Content> content, boolean isError, Object structuredContent) {

    public ToolResponse {
        content = List.copyOf(Objects.requireNonNull(content, "content cannot be null"));
    }

    public static ToolResponse success(Content... content) {
        return new ToolResponse(Arrays.asList(content), false, null);
    }

    public static ToolResponse success(String text) {
        return success(new TextContent(text));
    }

    /** A result the model sees as failed, with a message it can act on. */
    public static ToolResponse error(String message) {
        return new ToolResponse(List.of(new TextContent(message)), true, null);
    }
}
