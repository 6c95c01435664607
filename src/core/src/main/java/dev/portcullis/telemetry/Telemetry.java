package dev.portcullis.telemetry;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application's metrics and spans (src/docs/observability.md lists them). Labels are bounded values the
 * application chose (a known method, a registered tool, a supported grant type), never caller input, and never a
 * token, secret, code or argument.
 */
@ApplicationScoped
public class Telemetry {

    private static final Logger LOG = Logger.getLogger(Telemetry.class.getName());

    public static final String MCP_REQUESTS = "portcullis.mcp.requests";
    public static final String MCP_ERRORS = "portcullis.mcp.errors";
    public static final String MCP_DURATION = "portcullis.mcp.request.duration";
    public static final String MCP_REFUSED = "portcullis.mcp.refused";
    public static final String TOKENS_ISSUED = "portcullis.oauth.tokens.issued";
    public static final String REFRESH_REPLAYS = "portcullis.oauth.refresh.replays";
    public static final String REGISTRATIONS = "portcullis.oauth.registrations";
    public static final String AUDIT_QUEUE_DEPTH = "portcullis.audit.queue.depth";
    public static final String AUDIT_DROPPED = "portcullis.audit.dropped";
    public static final String AUDIT_WRITTEN = "portcullis.audit.written";
    public static final String AUDIT_LOGIN_FAILURES_SUPPRESSED = "portcullis.audit.login.failures.suppressed";

    /** The grant types the token endpoint issues for; each has its counter from the start. */
    public static final List<String> GRANT_TYPES = List.of("authorization_code", "refresh_token", "client_credentials");
    /**
     * Why {@code /mcp} refused a request before the dispatcher: the {@code bearer.refused} reasons of the audit trail
     * (src/docs/audit.md), and {@code session_not_found} (an unknown or ended legacy session, 404).
     */
    public static final List<String> REFUSAL_REASONS = List.of(
            "no_token",
            "token_in_query",
            "expired",
            "wrong_audience",
            "wrong_issuer",
            "signature",
            "malformed",
            "invalid",
            "not_an_access_token",
            "revoked",
            "insufficient_scope",
            "session_not_found");

    private static final String REFUSED_DESCRIPTION = "Requests to /mcp refused before the JSON-RPC dispatcher, per "
            + "reason and HTTP status (401 token, 403 scope, 404 session, 400 token in the query)";

    /** Span attribute names (OpenTelemetry semantic conventions where one exists: rpc.*). */
    public static final String RPC_SYSTEM = "rpc.system";

    public static final String RPC_METHOD = "rpc.method";
    public static final String TOOL_NAME = "mcp.tool.name";
    public static final String CLIENT_ID = "oauth.client_id";
    public static final String GRANT_TYPE = "oauth.grant_type";

    private MetricsBackend metrics = MetricsBackend.NONE;
    private TracingBackend tracing = TracingBackend.NONE;

    /** Any bean by type: the backends look their API's beans up through it, never by a field of that type. */
    @Inject
    private Instance<Object> beans;

    @PostConstruct
    void start() {
        tracing = Backends.tracing(beans);
        metrics = Backends.metrics(beans);
        try {
            GRANT_TYPES.forEach(grant ->
                    metrics.register(TOKENS_ISSUED, "Access tokens issued, per grant type", "grant_type", grant));
            metrics.register(
                    REFRESH_REPLAYS,
                    "Rotated refresh tokens presented again after the grace window " + "(the family is revoked)");
            metrics.register(REGISTRATIONS, "Clients registered through dynamic client registration (RFC 7591)");
        } catch (RuntimeException e) {
            // Metrics are never worth a failed deployment.
            LOG.log(Level.WARNING, "The metrics registry refused the application's metrics; metrics are off", e);
            metrics = MetricsBackend.NONE;
        }
    }

    /** Creates the counters at start-up, so their series exist before the first event. */
    void eager(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // nothing more: observing the event instantiates the bean, and @PostConstruct registered the counters
    }

    /** One served JSON-RPC request: counted, timed and, with an error code, counted as an error. */
    public void mcpRequest(String method, String tool, String errorCode, Duration duration) {
        metrics.increment(MCP_REQUESTS, "JSON-RPC requests served at /mcp", "method", method, "tool", tool);
        metrics.time(
                MCP_DURATION, "Time to serve a JSON-RPC request at /mcp", duration, "method", method, "tool", tool);
        if (errorCode != null) {
            metrics.increment(
                    MCP_ERRORS,
                    "JSON-RPC requests at /mcp answered with an error (code: the JSON-RPC "
                            + "error code, or tool_error for a tool result with isError)",
                    "method",
                    method,
                    "tool",
                    tool,
                    "code",
                    errorCode);
        }
    }

    /**
     * A request {@code /mcp} refused before the dispatcher ran (so not in {@link #MCP_REQUESTS}). A reason outside
     * {@link #REFUSAL_REASONS} counts as {@code other}: label values never come from the request.
     */
    public void mcpRefused(String reason, int status) {
        metrics.increment(
                MCP_REFUSED,
                REFUSED_DESCRIPTION,
                "reason",
                REFUSAL_REASONS.contains(reason) ? reason : "other",
                "status",
                String.valueOf(status));
    }

    /** An access token issued; {@code grantType} is one the endpoint supports (it refuses others before this). */
    public void tokenIssued(String grantType) {
        if (GRANT_TYPES.contains(grantType)) {
            metrics.increment(TOKENS_ISSUED, "Access tokens issued, per grant type", "grant_type", grantType);
        }
    }

    public void refreshReplay() {
        metrics.increment(
                REFRESH_REPLAYS,
                "Rotated refresh tokens presented again after the grace window " + "(the family is revoked)");
    }

    public void clientRegistered() {
        metrics.increment(REGISTRATIONS, "Clients registered through dynamic client registration (RFC 7591)");
    }

    /** A gauge read when the metrics are scraped (the audit queue's depth and drops). */
    public void gauge(String name, String description, LongSupplier value) {
        try {
            metrics.gauge(name, description, value);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The metrics registry refused the gauge " + name, e);
        }
    }

    /** Starts a span (a child of the current one) with attributes; null values are left out. */
    public TelemetrySpan span(String name, String... attributes) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            map.put(attributes[i], attributes[i + 1]);
        }
        return tracing.start(name, map);
    }

    /** Adds an attribute to the current span, for example the client_id on the server's span of /oauth/token. */
    public void annotate(String key, String value) {
        tracing.annotate(key, value);
    }
}
