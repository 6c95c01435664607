package dev.portcullis.mcp.protocol.wire;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code LoggingMessageNotificationParams} of {@code notifications/message}, the same in both revisions.
 * The engine's {@code data} is the tool's log text.
 *
 * @param level a {@code LoggingLevel} name
 * @param logger optional
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema#loggingmessagenotificationparams">LoggingMessageNotificationParams 2025-11-25</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/schema#loggingmessagenotificationparams">LoggingMessageNotificationParams 2026-07-28</a>
 */
@JsonbPropertyOrder({"level", "logger", "data"})
public record LoggingMessageNotificationParams(String level, String logger, String data) {}
