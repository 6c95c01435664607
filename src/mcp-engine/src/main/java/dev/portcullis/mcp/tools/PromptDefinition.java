package dev.portcullis.mcp.tools;

import dev.portcullis.mcp.api.PromptMessage;
import dev.portcullis.mcp.api.PromptResponse;
import dev.portcullis.mcp.protocol.wire.GetPromptResult;
import dev.portcullis.mcp.protocol.wire.Wire;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A discovered prompt and its method.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/prompts">Prompts</a>
 */
public final class PromptDefinition {

    private final String name;
    private final JsonObject descriptor;
    private final FeatureMethod method;

    PromptDefinition(String name, JsonObject descriptor, FeatureMethod method) {
        this.name = name;
        this.descriptor = descriptor;
        this.method = method;
    }

    public String name() {
        return name;
    }

    /** Who may see and call it. */
    public AccessRule access() {
        return method.access();
    }

    public JsonObject descriptor() {
        return descriptor;
    }

    /** Whether the prompt declares an argument of that name. */
    public boolean hasArgument(String argument) {
        return method.parameters().stream()
                .anyMatch(p ->
                        p instanceof ParameterBinding.Argument a && a.name().equals(argument));
    }

    /**
     * The {@code GetPromptResult}. A missing required argument is an {@link InvalidArgumentException}, which the
     * server answers with -32602.
     */
    public JsonObject get(JsonObject arguments, InvocationScope scope) {
        Object returned = method.invoke(arguments, scope);
        String description = null;
        List<?> messages;
        if (returned instanceof PromptResponse response) {
            description =
                    response.description() == null || response.description().isEmpty() ? null : response.description();
            messages = response.messages();
        } else if (returned instanceof PromptMessage message) {
            messages = List.of(message);
        } else {
            messages = (List<?>) returned;
        }
        List<GetPromptResult.PromptMessage> wire = new ArrayList<>(messages.size());
        for (Object item : messages) {
            PromptMessage message = (PromptMessage) item;
            wire.add(new GetPromptResult.PromptMessage(
                    message.role().name().toLowerCase(Locale.ROOT), ContentEncoder.encode(message.content())));
        }
        return Wire.toJson(new GetPromptResult(description, wire));
    }
}
