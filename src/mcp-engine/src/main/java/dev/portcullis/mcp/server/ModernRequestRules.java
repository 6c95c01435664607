package dev.portcullis.mcp.server;

import dev.portcullis.mcp.protocol.JsonRpc;
import dev.portcullis.mcp.protocol.JsonRpcErrorCodes;
import dev.portcullis.mcp.protocol.JsonRpcMessage;
import dev.portcullis.mcp.protocol.McpError;
import dev.portcullis.mcp.protocol.McpMethods;
import dev.portcullis.mcp.protocol.ProtocolVersion;
import dev.portcullis.mcp.protocol.wire.UnsupportedProtocolVersionData;
import dev.portcullis.mcp.protocol.wire.Wire;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The checks a 2026-07-28 request must pass before it runs, in the order the spec's reference harness applies
 * them: {@code MCP-Protocol-Version} present (-32020), required {@code _meta} present (-32602), header equal to
 * {@code _meta} (-32020), version supported (-32022), {@code Mcp-Method} equal to the body (-32020) and, for
 * {@code tools/call}, {@code resources/read} and {@code prompts/get}, {@code Mcp-Name} equal to the body (-32020),
 * and for {@code tasks/get}, {@code tasks/update} and {@code tasks/cancel} equal to {@code taskId} (SEP-2663).
 * All failures are HTTP 400.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http">T26</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/basic">B26 _meta</a>
 */
final class ModernRequestRules {

    static final String PROTOCOL_VERSION_META = "io.modelcontextprotocol/protocolVersion";
    static final String CLIENT_CAPABILITIES_META = "io.modelcontextprotocol/clientCapabilities";
    private static final Set<String> NAMED = Set.of(McpMethods.TOOLS_CALL, McpMethods.PROMPTS_GET);
    /** SEP-2663: the task methods carry {@code Mcp-Name: <taskId>}. */
    private static final Set<String> TASK_METHODS =
            Set.of(McpMethods.TASKS_GET, McpMethods.TASKS_UPDATE, McpMethods.TASKS_CANCEL);

    private ModernRequestRules() {}

    /** The error that rejects the request, or empty when it may run. */
    static Optional<JsonObject> violation(Incoming in, Function<String, Map<String, String>> toolHeaders) {
        JsonRpcMessage message = in.message();
        JsonObject meta = message.meta();
        if (in.protocolVersion() == null) {
            return reject(message, JsonRpcErrorCodes.HEADER_MISMATCH, "Missing MCP-Protocol-Version header", null);
        }
        if (!meta.containsKey(PROTOCOL_VERSION_META) || !meta.containsKey(CLIENT_CAPABILITIES_META)) {
            return reject(
                    message,
                    JsonRpcErrorCodes.INVALID_PARAMS,
                    "Invalid params: _meta must carry " + PROTOCOL_VERSION_META + " and " + CLIENT_CAPABILITIES_META,
                    null);
        }
        if (!in.protocolVersion().equals(string(meta.get(PROTOCOL_VERSION_META)))) {
            return reject(
                    message,
                    JsonRpcErrorCodes.HEADER_MISMATCH,
                    "MCP-Protocol-Version header does not match _meta protocolVersion",
                    null);
        }
        if (!ProtocolVersion.isModern(in.protocolVersion())) {
            return reject(
                    message,
                    JsonRpcErrorCodes.UNSUPPORTED_PROTOCOL_VERSION,
                    "Unsupported protocol version",
                    unsupported(in.protocolVersion()));
        }
        if (!message.method().equals(in.mcpMethod())) {
            return reject(
                    message,
                    JsonRpcErrorCodes.HEADER_MISMATCH,
                    in.mcpMethod() == null
                            ? "Missing Mcp-Method header"
                            : "Mcp-Method header does not match the body's method",
                    null);
        }
        String name = NAMED.contains(message.method())
                ? string(message.params().get("name"))
                : McpMethods.RESOURCES_READ.equals(message.method())
                        ? string(message.params().get("uri"))
                        : TASK_METHODS.contains(message.method())
                                ? string(message.params().get("taskId"))
                                : null;
        if (name != null && !name.equals(decode(in.mcpName()))) {
            return reject(
                    message,
                    JsonRpcErrorCodes.HEADER_MISMATCH,
                    in.mcpName() == null ? "Missing Mcp-Name header" : "Mcp-Name header does not match the body",
                    null);
        }
        if (McpMethods.TOOLS_CALL.equals(message.method()) && name != null) {
            return paramHeaderViolation(in, toolHeaders.apply(name));
        }
        return Optional.empty();
    }

    /** Every argument declared with {@code x-mcp-header} and present in the body needs an equal header (T26). */
    private static Optional<JsonObject> paramHeaderViolation(Incoming in, Map<String, String> headers) {
        JsonValue arguments = in.message().params().get("arguments");
        if (!(arguments instanceof JsonObject args)) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> header : headers.entrySet()) {
            JsonValue body = args.get(header.getKey());
            if (body == null || body == JsonValue.NULL) {
                continue;
            }
            String sent = in.paramHeaders().get(header.getValue().toLowerCase(Locale.ROOT));
            String decoded = decode(sent);
            if (decoded == null || !matches(body, decoded)) {
                return reject(
                        in.message(),
                        JsonRpcErrorCodes.HEADER_MISMATCH,
                        sent == null
                                ? "Missing Mcp-Param-" + header.getValue() + " header"
                                : "Mcp-Param-" + header.getValue() + " header does not match " + "the body",
                        null);
            }
        }
        return Optional.empty();
    }

    private static boolean matches(JsonValue body, String header) {
        switch (body.getValueType()) {
            case STRING:
                return ((JsonString) body).getString().equals(header);
            case NUMBER:
                try {
                    return ((JsonNumber) body).bigDecimalValue().compareTo(new BigDecimal(header)) == 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            case TRUE:
                return "true".equals(header);
            case FALSE:
                return "false".equals(header);
            default:
                return false;
        }
    }

    static JsonObject unsupported(String requested) {
        return Wire.toJson(new UnsupportedProtocolVersionData(List.of(ProtocolVersion.MODERN), requested));
    }

    private static final Pattern BASE64 =
            Pattern.compile("^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$");

    /**
     * Decodes the {@code =?base64?...?=} form of header values (T26 value encoding), strictly: bad padding or
     * characters give null. Values without both the prefix and the suffix are literal.
     */
    static String decode(String header) {
        if (header != null && header.startsWith("=?base64?") && header.endsWith("?=") && header.length() >= 11) {
            if (!BASE64.matcher(header.substring(9, header.length() - 2)).matches()) {
                return null;
            }
            try {
                return new String(
                        Base64.getDecoder().decode(header.substring(9, header.length() - 2)), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return header;
    }

    private static String string(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : null;
    }

    private static Optional<JsonObject> reject(JsonRpcMessage message, int code, String text, JsonValue data) {
        return Optional.of(JsonRpc.error(message.id(), new McpError(code, text, data, 400)));
    }
}
