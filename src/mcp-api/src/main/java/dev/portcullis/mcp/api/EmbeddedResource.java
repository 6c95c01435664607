package dev.portcullis.mcp.api;

import java.util.Objects;

/** The contents of a resource, embedded in a result. */
public record EmbeddedResource(ResourceContents resource) implements Content {
    public EmbeddedResource {
        Objects.requireNonNull(resource, "resource cannot be null");
    }
}
