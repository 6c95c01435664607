package dev.portcullis.mcp.server.lifecycle;

import dev.portcullis.mcp.server.context.RequestContext;
import dev.portcullis.mcp.server.context.RequestHandler;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * {@code ping} (legacy): an empty result, promptly.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/ping">Ping</a>
 */
public final class PingHandler implements RequestHandler {

    @Override
    public JsonObject handle(RequestContext context) {
        return JsonValue.EMPTY_JSON_OBJECT;
    }
}
