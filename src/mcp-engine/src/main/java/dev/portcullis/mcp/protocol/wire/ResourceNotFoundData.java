package dev.portcullis.mcp.protocol.wire;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The {@code data} of a {@code resources/read} error for an unknown URI (-32002 in 2025-11-25, -32602 in
 * 2026-07-28): the URI.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/resources#error-handling">Resources, error handling</a>
 */
@JsonbPropertyOrder({"uri"})
public record ResourceNotFoundData(String uri) {}
