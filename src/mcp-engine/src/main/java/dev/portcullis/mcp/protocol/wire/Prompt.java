package dev.portcullis.mcp.protocol.wire;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * {@code Prompt}, an entry of {@code prompts/list}, the same in both revisions; {@code arguments} is always sent,
 * empty when the prompt takes none.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema#prompt">Prompt 2025-11-25</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/schema#prompt">Prompt 2026-07-28</a>
 */
@JsonbPropertyOrder({"name", "title", "description", "arguments"})
public record Prompt(String name, String title, String description, List<PromptArgument> arguments) {}
