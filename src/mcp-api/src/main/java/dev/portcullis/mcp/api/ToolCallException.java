package dev.portcullis.mcp.api;

/**
 * A business or validation failure the model should see: the call's result gets {@code isError: true} and this
 * exception's message as text. Choose a message the model can act on; it reaches the client verbatim.
 */
public class ToolCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ToolCallException(String message) {
        super(message);
    }

    public ToolCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
