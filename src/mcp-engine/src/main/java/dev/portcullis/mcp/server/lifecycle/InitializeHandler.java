package dev.portcullis.mcp.server.lifecycle;

import dev.portcullis.mcp.protocol.McpError;
import dev.portcullis.mcp.protocol.ProtocolVersion;
import dev.portcullis.mcp.protocol.wire.Implementation;
import dev.portcullis.mcp.protocol.wire.InitializeResult;
import dev.portcullis.mcp.protocol.wire.Wire;
import dev.portcullis.mcp.server.context.RequestContext;
import dev.portcullis.mcp.server.context.RequestHandler;
import dev.portcullis.mcp.server.exchange.ServerInfo;
import dev.portcullis.mcp.session.McpSession;
import dev.portcullis.mcp.session.SessionStore;
import jakarta.json.JsonObject;

/**
 * {@code initialize}: negotiates a legacy version (the requested one if supported, else the latest) and opens a
 * session whose id the transport returns in {@code Mcp-Session-Id}.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle#initialization">Initialization</a>
 */
public final class InitializeHandler implements RequestHandler {

    private final ServerInfo info;
    private final SessionStore sessions;

    public InitializeHandler(ServerInfo info, SessionStore sessions) {
        this.info = info;
        this.sessions = sessions;
    }

    @Override
    public JsonObject handle(RequestContext context) {
        String requested = context.params().getString("protocolVersion", null);
        if (requested == null) {
            throw McpError.invalidParams("Invalid params: protocolVersion is required");
        }
        String version = ProtocolVersion.isLegacy(requested) ? requested : ProtocolVersion.LEGACY_LATEST;
        McpSession session = sessions.create(
                version, context.caller().name(), context.params().getJsonObject("capabilities"));
        context.newSessionId(session.id());
        return Wire.toJson(new InitializeResult(
                version, Capabilities.legacy(), new Implementation(info.name(), info.version()), info.instructions()));
    }
}
