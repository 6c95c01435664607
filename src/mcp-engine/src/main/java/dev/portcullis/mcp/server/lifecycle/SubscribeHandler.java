package dev.portcullis.mcp.server.lifecycle;

import dev.portcullis.mcp.protocol.McpError;
import dev.portcullis.mcp.server.context.RequestContext;
import dev.portcullis.mcp.server.context.RequestHandler;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * {@code resources/subscribe} and {@code resources/unsubscribe} (legacy): remembers the URIs in the session.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/resources#subscriptions">Subscriptions</a>
 */
public final class SubscribeHandler implements RequestHandler {

    private final boolean subscribe;

    public SubscribeHandler(boolean subscribe) {
        this.subscribe = subscribe;
    }

    @Override
    public JsonObject handle(RequestContext context) {
        String uri = context.params().getString("uri", null);
        if (uri == null || uri.isBlank()) {
            throw McpError.invalidParams("Invalid params: uri is required");
        }
        if (subscribe) {
            context.session().subscribe(uri);
        } else {
            context.session().unsubscribe(uri);
        }
        return JsonValue.EMPTY_JSON_OBJECT;
    }
}
