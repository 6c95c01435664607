package dev.portcullis.mcp.api;

import java.util.Objects;

/** Audio, base64-encoded. */
public record AudioContent(String data, String mimeType) implements Content {
    public AudioContent {
        Objects.requireNonNull(data, "data cannot be null");
        Objects.requireNonNull(mimeType, "mimeType cannot be null");
    }
}
