package dev.portcullis.mcp.protocol.wire;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Map;

/**
 * {@code NotificationParams}: the params of a notification with nothing but {@code _meta}, as the
 * {@code list_changed} notifications of a 2026-07-28 listen stream.
 *
 * @param _meta the subscription id
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema#notificationparams">NotificationParams 2025-11-25</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/schema#notificationparams">NotificationParams 2026-07-28</a>
 */
@JsonbPropertyOrder({"_meta"})
public record NotificationParams(Map<String, JsonValue> _meta) {}
