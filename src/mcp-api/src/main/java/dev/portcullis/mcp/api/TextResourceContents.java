package dev.portcullis.mcp.api;

import java.util.Objects;

/** Text contents of a resource; {@code mimeType} may be null. */
public record TextResourceContents(String uri, String mimeType, String text) implements ResourceContents {
    public TextResourceContents {
        Objects.requireNonNull(uri, "uri cannot be null");
        Objects.requireNonNull(text, "text cannot be null");
    }
}
