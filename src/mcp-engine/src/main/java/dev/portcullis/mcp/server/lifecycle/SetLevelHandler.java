package dev.portcullis.mcp.server.lifecycle;

import dev.portcullis.mcp.api.McpLog;
import dev.portcullis.mcp.protocol.McpError;
import dev.portcullis.mcp.server.context.RequestContext;
import dev.portcullis.mcp.server.context.RequestHandler;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code logging/setLevel} (legacy): the session's minimum level for {@code notifications/message}.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/utilities/logging">Logging</a>
 */
public final class SetLevelHandler implements RequestHandler {

    @Override
    public JsonObject handle(RequestContext context) {
        String level = context.params().getString("level", "");
        boolean known = Arrays.stream(McpLog.Level.values())
                .anyMatch(l -> l.name().toLowerCase(Locale.ROOT).equals(level));
        if (!known) {
            throw McpError.invalidParams("Invalid params: level must be one of debug, info, notice, warning, error, "
                    + "critical, alert, emergency");
        }
        context.session().logLevel(level);
        return JsonValue.EMPTY_JSON_OBJECT;
    }
}
