package dev.portcullis.mcp.protocol.wire;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code Resource}, an entry of {@code resources/list}, the same in both revisions (the optional {@code size},
 * {@code annotations}, {@code icons} and {@code _meta} are not sent).
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema#resource">Resource 2025-11-25</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/schema#resource">Resource 2026-07-28</a>
 */
@JsonbPropertyOrder({"uri", "name", "title", "description", "mimeType"})
public record Resource(String uri, String name, String title, String description, String mimeType) {}
