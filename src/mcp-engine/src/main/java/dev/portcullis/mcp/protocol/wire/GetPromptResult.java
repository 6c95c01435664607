package dev.portcullis.mcp.protocol.wire;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * {@code GetPromptResult} of {@code prompts/get}, the same in both revisions (in 2026-07-28 the dispatcher adds
 * {@code resultType} and {@code _meta}).
 *
 * @param description optional
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema#getpromptresult">GetPromptResult 2025-11-25</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/schema#getpromptresult">GetPromptResult 2026-07-28</a>
 */
@JsonbPropertyOrder({"description", "messages"})
public record GetPromptResult(String description, List<PromptMessage> messages) {

    /**
     * {@code PromptMessage}: one message of a prompt (nested, as the API has a {@code PromptMessage} of its own).
     *
     * @param role {@code user} or {@code assistant}
     * @param content a content block, encoded like those of tool results
     */
    @JsonbPropertyOrder({"role", "content"})
    public record PromptMessage(String role, JsonObject content) {}
}
