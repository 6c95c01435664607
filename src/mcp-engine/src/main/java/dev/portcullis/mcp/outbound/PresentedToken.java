package dev.portcullis.mcp.outbound;

/**
 * The access token the MCP caller presented, held for RFC 8693 token exchange only: it is the exchange's
 * {@code subject_token} and goes nowhere else. Tool code cannot read it (the accessor is package-private) and
 * {@link #toString()} hides it, so it cannot be forwarded to a downstream (no token passthrough).
 */
public final class PresentedToken {

    private final String value;

    private PresentedToken(String value) {
        this.value = value;
    }

    /** For the transport that validated the token. */
    public static PresentedToken of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("no token");
        }
        return new PresentedToken(value);
    }

    String value() {
        return value;
    }

    @Override
    public String toString() {
        return "PresentedToken[hidden]";
    }
}
