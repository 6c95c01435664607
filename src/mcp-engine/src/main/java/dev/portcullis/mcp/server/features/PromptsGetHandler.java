package dev.portcullis.mcp.server.features;

import dev.portcullis.mcp.protocol.McpError;
import dev.portcullis.mcp.server.context.RequestContext;
import dev.portcullis.mcp.server.context.RequestHandler;
import dev.portcullis.mcp.tools.FeatureRegistry;
import dev.portcullis.mcp.tools.InvalidArgumentException;
import dev.portcullis.mcp.tools.PromptDefinition;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.function.Supplier;

/**
 * {@code prompts/get}: an unknown name or a missing required argument is -32602.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/prompts#error-handling">Prompt errors</a>
 */
public final class PromptsGetHandler implements RequestHandler {

    private final Supplier<FeatureRegistry> registry;

    public PromptsGetHandler(Supplier<FeatureRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public JsonObject handle(RequestContext context) {
        String name = context.params().getString("name", null);
        if (name == null) {
            throw McpError.invalidParams("Invalid params: name is required");
        }
        PromptDefinition prompt = registry.get()
                .prompt(name)
                .filter(found -> FeatureAccess.admits(found.access(), context.caller()))
                .orElseThrow(() -> McpError.invalidParams("Unknown prompt: " + name));
        JsonValue arguments = context.params().get("arguments");
        try {
            return prompt.get(
                    arguments instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT, context.scope());
        } catch (InvalidArgumentException e) {
            throw McpError.invalidParams("Invalid params: " + e.getMessage());
        }
    }
}
