package dev.portcullis.mcp.server.features;

import dev.portcullis.mcp.protocol.McpError;
import dev.portcullis.mcp.protocol.wire.CompleteResult;
import dev.portcullis.mcp.protocol.wire.Wire;
import dev.portcullis.mcp.server.context.RequestContext;
import dev.portcullis.mcp.server.context.RequestHandler;
import dev.portcullis.mcp.tools.FeatureRegistry;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code completion/complete}: at most 100 values, with {@code total} and {@code hasMore}. A reference to an
 * unknown prompt or template is -32602; an argument nobody completes gets no values.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/utilities/completion">Completion</a>
 */
public final class CompletionHandler implements RequestHandler {

    private static final int MAX_VALUES = 100;

    private final Supplier<FeatureRegistry> registry;

    public CompletionHandler(Supplier<FeatureRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public JsonObject handle(RequestContext context) {
        JsonObject ref = object(context.params(), "ref");
        JsonObject argument = object(context.params(), "argument");
        String type = ref.getString("type", "");
        String target = "ref/prompt".equals(type)
                ? ref.getString("name", null)
                : "ref/resource".equals(type) ? ref.getString("uri", null) : null;
        if (target == null) {
            throw McpError.invalidParams(
                    "Invalid params: ref must be ref/prompt with a name or ref/resource with a uri");
        }
        FeatureRegistry features = registry.get();
        boolean known = "ref/prompt".equals(type)
                ? features.prompt(target).isPresent()
                : features.resourceTemplates().stream().anyMatch(t -> t.key().equals(target));
        if (!known) {
            throw McpError.invalidParams("Invalid params: unknown " + type + " " + target);
        }
        List<String> values = features.completion(type, target, argument.getString("name", ""))
                .map(c -> c.complete(argument.getString("value", ""), context.scope()))
                .orElse(List.of());
        return Wire.toJson(new CompleteResult(new CompleteResult.Completion(
                values.stream().limit(MAX_VALUES).toList(), values.size(), values.size() > MAX_VALUES)));
    }

    private static JsonObject object(JsonObject params, String key) {
        JsonValue value = params.get(key);
        if (value instanceof JsonObject object) {
            return object;
        }
        throw McpError.invalidParams("Invalid params: " + key + " is required");
    }
}
