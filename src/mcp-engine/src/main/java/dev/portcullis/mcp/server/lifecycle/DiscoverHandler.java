package dev.portcullis.mcp.server.lifecycle;

import dev.portcullis.mcp.protocol.ProtocolVersion;
import dev.portcullis.mcp.protocol.wire.DiscoverResult;
import dev.portcullis.mcp.protocol.wire.Wire;
import dev.portcullis.mcp.server.context.RequestContext;
import dev.portcullis.mcp.server.context.RequestHandler;
import dev.portcullis.mcp.server.exchange.ServerInfo;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * {@code server/discover} (2026-07-28): versions, capabilities and instructions, cacheable.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/server/discover">Discover</a>
 */
public final class DiscoverHandler implements RequestHandler {

    private final ServerInfo info;

    public DiscoverHandler(ServerInfo info) {
        this.info = info;
    }

    @Override
    public JsonObject handle(RequestContext context) {
        return Wire.toJson(
                new DiscoverResult(List.of(ProtocolVersion.MODERN), Capabilities.modern(), info.instructions()));
    }
}
