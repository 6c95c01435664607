package dev.portcullis.mcp.api;

import java.util.Objects;

/** Binary contents of a resource, base64-encoded; {@code mimeType} may be null. */
public record BlobResourceContents(String uri, String mimeType, String blob) implements ResourceContents {
    public BlobResourceContents {
        Objects.requireNonNull(uri, "uri cannot be null");
        Objects.requireNonNull(blob, "blob cannot be null");
    }
}
