package dev.portcullis.mcp.protocol.wire;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code Implementation}, as the server describes itself (both revisions; the optional {@code title},
 * {@code description}, {@code icons} and {@code websiteUrl} are not sent).
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema#implementation">Implementation</a>
 */
@JsonbPropertyOrder({"name", "version"})
public record Implementation(String name, String version) {}
