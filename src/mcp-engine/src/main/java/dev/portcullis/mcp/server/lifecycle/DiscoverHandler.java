package dev.portcullis.mcp.server.lifecycle;

import dev.portcullis.mcp.protocol.Jsons;
import dev.portcullis.mcp.protocol.ProtocolVersion;
import dev.portcullis.mcp.server.context.RequestContext;
import dev.portcullis.mcp.server.context.RequestHandler;
import dev.portcullis.mcp.server.exchange.Era;
import dev.portcullis.mcp.server.exchange.ServerInfo;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

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
        JsonObjectBuilder result = Jsons.PROVIDER.createObjectBuilder()
                .add("supportedVersions", Jsons.PROVIDER.createArrayBuilder().add(ProtocolVersion.MODERN))
                .add("capabilities", Capabilities.of(Era.MODERN));
        if (info.instructions() != null) {
            result.add("instructions", info.instructions());
        }
        return result.build();
    }
}
