package dev.portcullis.inspector;

import java.time.Instant;

/**
 * One answered JSON-RPC exchange of {@code /mcp} as the inspector shows it. {@code request} and {@code response} are
 * JSON texts already redacted and cut to {@link McpExchanges#MAX_BODY_CHARS}; {@code response} is null when the
 * request was a notification or opened a stream. {@code subject} and {@code clientId} come from the caller's
 * validated token (null for an anonymous caller); never the token itself.
 */
public record McpExchange(
        long id,
        Instant at,
        String method,
        String target,
        String subject,
        String clientId,
        String session,
        int status,
        long durationMicros,
        String request,
        String response) {}
