package dev.portcullis.mcp.api;

import java.util.List;
import java.util.Objects;

/** A prompt's messages with an optional description (may be null). */
public record PromptResponse(String description, List<PromptMessage> messages) {
    public PromptResponse {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages cannot be null"));
    }
}
