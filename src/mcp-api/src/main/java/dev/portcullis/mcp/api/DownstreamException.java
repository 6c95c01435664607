package dev.portcullis.mcp.api;

/**
 * No credential could be obtained for a downstream API: the tool result gets {@code isError: true} with this
 * message, which names the downstream and the reason in general terms, never a token, secret or the authorization
 * server's free-text description. {@link #downstream()} and {@link #reason()} are what the audit trail records
 * ({@code downstream.token.failed}): the downstream's name and a short reason code such as
 * {@code token_refused:invalid_client}, {@code token_endpoint_failed:HTTP 503} or {@code not_configured}.
 */
public class DownstreamException extends ToolCallException {

    private static final long serialVersionUID = 1L;

    /** The reason of a failure whose constructor gave none. */
    public static final String UNSPECIFIED = "unspecified";

    private final String downstream;
    private final String reason;

    public DownstreamException(String message) {
        this(null, UNSPECIFIED, message);
    }

    /**
     * @param downstream the downstream's configured name (or null)
     * @param reason a short code without free text from the authorization server, never a token or secret
     */
    public DownstreamException(String downstream, String reason, String message) {
        super(message);
        this.downstream = downstream;
        this.reason = reason == null ? UNSPECIFIED : reason;
    }

    /** The configured name of the downstream, or null when unknown. */
    public String downstream() {
        return downstream;
    }

    /** A short, safe reason code (see the class comment). */
    public String reason() {
        return reason;
    }
}
