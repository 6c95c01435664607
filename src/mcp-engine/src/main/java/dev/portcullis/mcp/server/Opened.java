package dev.portcullis.mcp.server;

import dev.portcullis.mcp.server.exchange.Reply;
import dev.portcullis.mcp.server.notifications.NotificationStream;
import java.util.function.Supplier;

/**
 * The outcome of asking for a notification stream: a refusal to write back instead ({@code refusal}), or how to
 * start the stream once the transport has committed its SSE response ({@code start}).
 */
public record Opened(Reply refusal, Supplier<NotificationStream> start) {}
