package dev.portcullis.mcp.tools;

/** A checked exception or access failure of a feature method: logged, and -32603 to the client. */
public class FeatureFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FeatureFailedException(String method, Throwable cause) {
        super(method + " failed", cause);
    }
}
