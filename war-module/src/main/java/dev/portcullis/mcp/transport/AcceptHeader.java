package dev.portcullis.mcp.transport;

import java.util.Locale;

/**
 * The Accept rule for POST: the client MUST list both {@code application/json} and {@code text/event-stream}
 * (T25 and T26, "Sending messages to the server"). Wildcards count.
 */
final class AcceptHeader {

    private AcceptHeader() {}

    static boolean acceptsJsonAndEventStream(String accept) {
        if (accept == null) {
            return false;
        }
        String value = accept.toLowerCase(Locale.ROOT);
        boolean any = value.contains("*/*");
        return (any || value.contains("application/json") || value.contains("application/*"))
                && (any || value.contains("text/event-stream") || value.contains("text/*"));
    }
}
