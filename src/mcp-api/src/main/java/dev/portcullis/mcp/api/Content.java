package dev.portcullis.mcp.api;

/**
 * A content block of a tool result or prompt message.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema#contentblock">ContentBlock</a>
 */
public sealed interface Content permits TextContent, ImageContent, AudioContent, EmbeddedResource, ResourceLink {}
