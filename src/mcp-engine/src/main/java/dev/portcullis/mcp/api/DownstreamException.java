package dev.portcullis.mcp.api;

/**
 * No credential could be obtained for a downstream API: the tool result gets {@code isError: true} with this
 * message, which names the downstream and the reason in general terms, never a token, secret or the authorization
 * server's free-text description.
 */
public class DownstreamException extends ToolCallException {

    private static final long serialVersionUID = 1L;

    public DownstreamException(String message) {
        super(message);
    }
}
