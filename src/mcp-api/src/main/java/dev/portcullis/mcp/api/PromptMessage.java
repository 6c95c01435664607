package dev.portcullis.mcp.api;

import java.util.Objects;

/**
 * One message of a prompt.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema#promptmessage">PromptMessage</a>
 */
public record PromptMessage(Role role, Content content) {

    /** Who speaks. */
    public enum Role {
        USER,
        ASSISTANT
    }

    public PromptMessage {
        Objects.requireNonNull(role, "role cannot be null");
        Objects.requireNonNull(content, "content cannot be null");
    }

    public static PromptMessage user(Content content) {
        return new PromptMessage(Role.USER, content);
    }

    public static PromptMessage user(String text) {
        return user(new TextContent(text));
    }

    public static PromptMessage assistant(String text) {
        return new PromptMessage(Role.ASSISTANT, new TextContent(text));
    }
}
