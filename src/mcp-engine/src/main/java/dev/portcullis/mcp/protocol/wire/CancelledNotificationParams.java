package dev.portcullis.mcp.protocol.wire;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Map;

/**
 * {@code CancelledNotificationParams} of {@code notifications/cancelled}; the server sends it when it tears down
 * a 2026-07-28 listen stream (the request it references is the listen request).
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema#cancellednotificationparams">CancelledNotificationParams 2025-11-25</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/schema#cancellednotificationparams">CancelledNotificationParams 2026-07-28</a>
 */
@JsonbPropertyOrder({"requestId", "reason", "_meta"})
public record CancelledNotificationParams(JsonValue requestId, String reason, Map<String, JsonValue> _meta) {}
