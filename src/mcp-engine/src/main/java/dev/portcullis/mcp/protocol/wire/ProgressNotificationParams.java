package dev.portcullis.mcp.protocol.wire;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code ProgressNotificationParams} of {@code notifications/progress}, the same in both revisions.
 *
 * @param progressToken the request's token, a string or a number
 * @param total optional
 * @param message optional
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema#progressnotificationparams">ProgressNotificationParams 2025-11-25</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/schema#progressnotificationparams">ProgressNotificationParams 2026-07-28</a>
 */
@JsonbPropertyOrder({"progressToken", "progress", "total", "message"})
public record ProgressNotificationParams(JsonValue progressToken, double progress, Double total, String message) {}
