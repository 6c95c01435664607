package dev.portcullis.mcp.protocol.wire;

import jakarta.json.JsonArray;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code ReadResourceResult} of {@code resources/read}: the contents, each a {@code TextResourceContents} or
 * {@code BlobResourceContents}, encoded like the embedded resources of tool results (with JSON-P: see the package
 * documentation). In 2026-07-28 the dispatcher adds the common and cacheable result fields.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema#readresourceresult">ReadResourceResult 2025-11-25</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/schema#readresourceresult">ReadResourceResult 2026-07-28</a>
 */
public record ReadResourceResult(JsonArray contents) {

    /**
     * {@code TextResourceContents}, as the engine sends a resource method's value that is neither text nor contents:
     * its JSON text (nested, as the API has a {@code TextResourceContents} of its own).
     */
    @JsonbPropertyOrder({"uri", "mimeType", "text"})
    public record TextResourceContents(String uri, String mimeType, String text) {}
}
