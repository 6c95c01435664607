package dev.portcullis.mcp.protocol.wire;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code PromptArgument}: one argument a prompt takes.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema#promptargument">PromptArgument 2025-11-25</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/schema#promptargument">PromptArgument 2026-07-28</a>
 */
@JsonbPropertyOrder({"name", "description", "required"})
public record PromptArgument(String name, String description, Boolean required) {}
