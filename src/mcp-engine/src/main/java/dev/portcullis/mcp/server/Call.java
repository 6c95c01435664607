package dev.portcullis.mcp.server;

import dev.portcullis.mcp.api.Caller;
import dev.portcullis.mcp.protocol.JsonRpcMessage;
import dev.portcullis.mcp.protocol.McpMethods;
import dev.portcullis.mcp.protocol.ProtocolVersion;
import dev.portcullis.mcp.server.exchange.Era;
import dev.portcullis.mcp.session.McpSession;

/**
 * A request that passed the era's checks and is ready to run.
 *
 * @param streams whether the answer should be an SSE stream (the call may send notifications before its result)
 * @param caller who sent it; {@link Caller#ANONYMOUS} on an open endpoint
 */
public record Call(
        JsonRpcMessage message, Era era, String protocolVersion, McpSession session, boolean streams, Caller caller) {

    /** A call by an anonymous caller. */
    public Call(JsonRpcMessage message, Era era, String protocolVersion, McpSession session, boolean streams) {
        this(message, era, protocolVersion, session, streams, Caller.ANONYMOUS);
    }

    /** The authenticated user's name, or null. */
    public String principal() {
        return caller.name();
    }

    /**
     * Whether an SSE answer starts with a priming event (an id and empty data) and a {@code retry} field: legacy
     * sessions of 2025-11-25 and later (SEP-1699, T25 2.10). Older clients would choke on the empty event.
     */
    public boolean primesStream() {
        return era == Era.LEGACY
                && protocolVersion != null
                && protocolVersion.compareTo(ProtocolVersion.LEGACY_LATEST) >= 0;
    }

    /** Whether this is a modern {@code subscriptions/listen}: a long-lived notification stream, not a call. */
    public boolean listens() {
        return era == Era.MODERN && McpMethods.SUBSCRIPTIONS_LISTEN.equals(message.method());
    }
}
