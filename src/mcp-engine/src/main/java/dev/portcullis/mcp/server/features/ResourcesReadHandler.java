package dev.portcullis.mcp.server.features;

import dev.portcullis.mcp.protocol.JsonRpcErrorCodes;
import dev.portcullis.mcp.protocol.McpError;
import dev.portcullis.mcp.protocol.wire.ReadResourceResult;
import dev.portcullis.mcp.protocol.wire.ResourceNotFoundData;
import dev.portcullis.mcp.protocol.wire.Wire;
import dev.portcullis.mcp.server.context.RequestContext;
import dev.portcullis.mcp.server.context.RequestHandler;
import dev.portcullis.mcp.server.exchange.Era;
import dev.portcullis.mcp.tools.FeatureRegistry;
import dev.portcullis.mcp.tools.ResourceDefinition;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code resources/read}: the fixed resource or the first matching template. Not found is -32002 in legacy
 * sessions and -32602 in the modern era, which forbids -32002 (RS26).
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/server/resources#error-handling">Resource errors</a>
 */
public final class ResourcesReadHandler implements RequestHandler {

    private final Supplier<FeatureRegistry> registry;

    public ResourcesReadHandler(Supplier<FeatureRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public JsonObject handle(RequestContext context) {
        String uri = context.params().getString("uri", null);
        if (uri == null || uri.isBlank()) {
            throw McpError.invalidParams("Invalid params: uri is required");
        }
        Map.Entry<ResourceDefinition, Map<String, String>> found = registry.get()
                .resource(uri)
                .filter(match -> FeatureAccess.admits(match.getKey().access(), context.caller()))
                .orElseThrow(() -> notFound(context.era(), uri));
        return Wire.toJson(new ReadResourceResult(found.getKey().read(uri, found.getValue(), context.scope())));
    }

    private static McpError notFound(Era era, String uri) {
        int code = era == Era.MODERN ? JsonRpcErrorCodes.INVALID_PARAMS : JsonRpcErrorCodes.RESOURCE_NOT_FOUND;
        return new McpError(code, "Resource not found: " + uri, Wire.toJson(new ResourceNotFoundData(uri)), 200);
    }
}
