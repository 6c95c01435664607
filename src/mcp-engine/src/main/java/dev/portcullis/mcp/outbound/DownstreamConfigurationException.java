package dev.portcullis.mcp.outbound;

/** A downstream's configuration is missing or wrong; the message names the key, never its value. */
public final class DownstreamConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DownstreamConfigurationException(String message) {
        super(message);
    }
}
