package dev.portcullis.mcp.api;

import java.util.Objects;

/** A link to a resource the client may read; {@code description} and {@code mimeType} may be null. */
public record ResourceLink(String uri, String name, String description, String mimeType) implements Content {
    public ResourceLink {
        Objects.requireNonNull(uri, "uri cannot be null");
        Objects.requireNonNull(name, "name cannot be null");
    }
}
