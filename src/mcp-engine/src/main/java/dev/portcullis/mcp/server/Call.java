package dev.portcullis.mcp.server;

import dev.portcullis.mcp.api.Caller;
import dev.portcullis.mcp.protocol.JsonRpcMessage;
import dev.portcullis.mcp.session.McpSession;

/**
 * A request that passed the era's checks and is ready to run.
 *
 * @param streams whether the answer should be an SSE stream (the call may send notifications before its result)
 */
public record Call(JsonRpcMessage message, Era era, String protocolVersion, McpSession session, boolean streams,
        Caller caller) {

    /** A call by an anonymous caller. */
    public Call(JsonRpcMessage message, Era era, String protocolVersion, McpSession session, boolean streams) {
        this(message, era, protocolVersion, session, streams, Caller.ANONYMOUS);
    }

}
