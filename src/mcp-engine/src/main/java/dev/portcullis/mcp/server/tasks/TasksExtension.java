package dev.portcullis.mcp.server.tasks;

import dev.portcullis.mcp.protocol.JsonRpcErrorCodes;
import dev.portcullis.mcp.protocol.McpError;
import dev.portcullis.mcp.protocol.wire.MissingCapabilityData;
import dev.portcullis.mcp.protocol.wire.Wire;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * The {@code io.modelcontextprotocol/tasks} extension's negotiation: the server advertises it under
 * {@code capabilities.extensions}; a modern request has it when its {@code _meta} client capabilities list it under
 * {@code extensions}; the task methods and {@code REQUIRED} tools answer other requests -32021.
 *
 * @see <a href="https://modelcontextprotocol.io/seps/2663-tasks-extension">SEP-2663 Tasks extension</a>
 * @see <a href="https://modelcontextprotocol.io/seps/2575-stateless-mcp">SEP-2575 Missing required capabilities</a>
 */
public final class TasksExtension {

    /** The extension identifier, the key under {@code capabilities.extensions}. */
    public static final String ID = "io.modelcontextprotocol/tasks";

    private TasksExtension() {}

    /** Whether the client capabilities of a request carry the extension. */
    static boolean negotiated(JsonObject clientCapabilities) {
        return clientCapabilities.get("extensions") instanceof JsonObject extensions && extensions.containsKey(ID);
    }

    /** The {@code extensions} entry of the capabilities that name the extension. */
    public static Map<String, JsonObject> advertised() {
        return Map.of(ID, JsonValue.EMPTY_JSON_OBJECT);
    }

    /** -32021 naming the extension in {@code data.requiredCapabilities} (HTTP 400, like other -32021). */
    static McpError missing() {
        return new McpError(
                JsonRpcErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY,
                "Missing required client capability: extension " + ID,
                Wire.toJson(new MissingCapabilityData(Map.of("extensions", advertised()))),
                400);
    }
}
