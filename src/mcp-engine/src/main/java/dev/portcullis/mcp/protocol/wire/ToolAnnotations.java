package dev.portcullis.mcp.protocol.wire;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code ToolAnnotations}: hints about a tool's behaviour, the same in both revisions. The engine sends the four
 * hints always (the annotation's values) and the title when there is one.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema#toolannotations">ToolAnnotations 2025-11-25</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/schema#toolannotations">ToolAnnotations 2026-07-28</a>
 */
@JsonbPropertyOrder({"title", "readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"})
public record ToolAnnotations(
        String title, Boolean readOnlyHint, Boolean destructiveHint, Boolean idempotentHint, Boolean openWorldHint) {}
