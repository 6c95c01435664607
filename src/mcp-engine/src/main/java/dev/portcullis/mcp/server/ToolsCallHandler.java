package dev.portcullis.mcp.server;

import dev.portcullis.mcp.protocol.McpError;
import dev.portcullis.mcp.tools.FeatureRegistry;
import dev.portcullis.mcp.tools.ToolDefinition;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.function.Supplier;

/**
 * {@code tools/call}: an unknown tool or malformed params is -32602; everything the tool reports, including
 * invalid arguments, is a result with {@code isError: true} (SEP-1303).
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/tools#error-handling">Tool errors</a>
 */
final class ToolsCallHandler implements RequestHandler {

    private final Supplier<FeatureRegistry> registry;

    ToolsCallHandler(Supplier<FeatureRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public JsonObject handle(RequestContext context) {
        ToolDefinition tool = tool(registry.get(), context.params());
        JsonValue arguments = context.params().get("arguments");
        if (arguments != null && arguments != JsonValue.NULL && arguments.getValueType() != JsonValue.ValueType.OBJECT) {
            throw McpError.invalidParams("Invalid params: arguments must be an object");
        }
        return tool.call(arguments instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT, context.scope());
    }

    static ToolDefinition tool(FeatureRegistry registry, JsonObject params) {
        String name = params.getString("name", null);
        if (name == null) {
            throw McpError.invalidParams("Invalid params: name is required");
        }
        return registry.tool(name).orElseThrow(() -> McpError.invalidParams("Unknown tool: " + name));
    }
}
