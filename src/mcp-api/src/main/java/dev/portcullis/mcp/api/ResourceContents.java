package dev.portcullis.mcp.api;

/**
 * The contents of a resource: text or a base64 blob.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/resources#resource-contents">Resource contents</a>
 */
public sealed interface ResourceContents permits TextResourceContents, BlobResourceContents {

    String uri();

    /** May be null. */
    String mimeType();
}
