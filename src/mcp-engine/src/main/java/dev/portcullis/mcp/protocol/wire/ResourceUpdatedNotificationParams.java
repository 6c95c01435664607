package dev.portcullis.mcp.protocol.wire;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Map;

/**
 * {@code ResourceUpdatedNotificationParams} of {@code notifications/resources/updated}, the same in both
 * revisions.
 *
 * @param _meta on a 2026-07-28 listen stream the subscription id, else null
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema#resourceupdatednotificationparams">ResourceUpdatedNotificationParams 2025-11-25</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/schema#resourceupdatednotificationparams">ResourceUpdatedNotificationParams 2026-07-28</a>
 */
@JsonbPropertyOrder({"uri", "_meta"})
public record ResourceUpdatedNotificationParams(String uri, Map<String, JsonValue> _meta) {}
