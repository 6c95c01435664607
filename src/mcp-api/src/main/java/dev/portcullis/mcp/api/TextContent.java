package dev.portcullis.mcp.api;

import java.util.Objects;

/** Text for the model. */
public record TextContent(String text) implements Content {
    public TextContent {
        Objects.requireNonNull(text, "text cannot be null");
    }
}
