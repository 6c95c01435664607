package dev.portcullis.mcp.protocol.wire;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code Tool}, an entry of {@code tools/list}, the same in both revisions (the optional {@code icons},
 * {@code execution} and {@code _meta} are not sent). Built once per tool when the registry is built.
 *
 * @param inputSchema a JSON Schema object: the generated or declared schema, passed through
 * @param outputSchema only for tools with structured content
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema#tool">Tool 2025-11-25</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/schema#tool">Tool 2026-07-28</a>
 */
@JsonbPropertyOrder({"name", "title", "description", "inputSchema", "outputSchema", "annotations"})
public record Tool(
        String name,
        String title,
        String description,
        JsonObject inputSchema,
        JsonObject outputSchema,
        ToolAnnotations annotations) {}
