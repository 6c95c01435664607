package dev.portcullis.mcp.api;

import java.util.Objects;

/** An image, base64-encoded. */
public record ImageContent(String data, String mimeType) implements Content {
    public ImageContent {
        Objects.requireNonNull(data, "data cannot be null");
        Objects.requireNonNull(mimeType, "mimeType cannot be null");
    }
}
