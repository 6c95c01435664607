package dev.portcullis.mcp.tools;

import dev.portcullis.mcp.api.PromptMessage;
import dev.portcullis.mcp.api.PromptResponse;
import dev.portcullis.mcp.protocol.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
        JsonObjectBuilder result = Jsons.PROVIDER.createObjectBuilder();
        List<?> messages;
        if (returned instanceof PromptResponse response) {
            ContentEncoder.addIfPresent(result, "description", response.description());
            messages = response.messages();
        } else if (returned instanceof PromptMessage message) {
            messages = List.of(message);
        } else {
            messages = (List<?>) returned;
        }
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        for (Object item : messages) {
            PromptMessage message = (PromptMessage) item;
            array.add(Jsons.PROVIDER
                    .createObjectBuilder()
                    .add("role", message.role().name().toLowerCase(Locale.ROOT))
                    .add("content", ContentEncoder.encode(message.content())));
        }
        return result.add("messages", array).build();
    }
}
