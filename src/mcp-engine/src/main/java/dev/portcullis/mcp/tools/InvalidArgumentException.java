package dev.portcullis.mcp.tools;

/**
 * Arguments that do not fit the tool's input schema. Tools report it as {@code isError: true} with this message
 * (SEP-1303: input validation errors are tool execution errors); prompts report it as -32602.
 */
public class InvalidArgumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidArgumentException(String message) {
        super(message, null, false, false);
    }
}
