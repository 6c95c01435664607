package dev.portcullis.mcp.protocol.wire;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code ResourceTemplate}, an entry of {@code resources/templates/list}, the same in both revisions.
 *
 * @param uriTemplate an RFC 6570 URI template
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema#resourcetemplate">ResourceTemplate 2025-11-25</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/schema#resourcetemplate">ResourceTemplate 2026-07-28</a>
 */
@JsonbPropertyOrder({"uriTemplate", "name", "title", "description", "mimeType"})
public record ResourceTemplate(String uriTemplate, String name, String title, String description, String mimeType) {}
