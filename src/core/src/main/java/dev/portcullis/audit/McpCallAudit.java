package dev.portcullis.audit;

import dev.portcullis.config.AuditConfig;
import dev.portcullis.mcp.api.Caller;
import dev.portcullis.mcp.protocol.McpMethods;
import dev.portcullis.mcp.server.observation.McpObserver;
import dev.portcullis.mcp.server.observation.ServedCall;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MCP engine's observer that turns served calls and legacy sessions into audit events: one record per
 * {@code tools/call}, {@code resources/read} and {@code prompts/get} with subject, client, target, outcome, JSON-RPC
 * error code and duration. Arguments and results only for tools that opted in ({@code @Tool(auditArguments = true)}
 * or {@code portcullis.audit.record-tools}), redacted. A tool call that failed for want of a downstream credential
 * gets a {@code downstream.token.failed} record too.
 */
@ApplicationScoped
public class McpCallAudit implements McpObserver {

    static final int MAX_RECORDED_JSON = 2000;
    private static final Map<String, AuditEventType> TYPES = Map.of(
            McpMethods.TOOLS_CALL,
            AuditEventType.MCP_TOOLS_CALL,
            McpMethods.RESOURCES_READ,
            AuditEventType.MCP_RESOURCES_READ,
            McpMethods.PROMPTS_GET,
            AuditEventType.MCP_PROMPTS_GET);

    @Inject
    private AuditTrail audit;

    @Inject
    private AuditConfig config;

    private Redaction redaction;

    /** The client of each open legacy session (by {@link #sessionRef}), so its end is recorded with it too. */
    private final Map<String, String> sessionClients = new ConcurrentHashMap<>();

    static final int MAX_SESSIONS_REMEMBERED = 20_000;

    @PostConstruct
    void init() {
        redaction = new Redaction(config.redactFields());
    }

    @Override
    public void served(ServedCall call) {
        AuditEventType type = TYPES.get(call.method());
        if (type == null || !audit.enabled()) {
            return;
        }
        AuditEvent event = AuditEvent.of(type)
                .outcome(call.outcome())
                .target(call.target())
                .errorCode(call.errorCode())
                .durationMicros(call.durationNanos() / 1000);
        caller(event, call.caller());
        boolean record = call.arguments() != null || config.recordTools().contains(call.target());
        if (record) {
            event.detail("arguments", json(call.arguments())).detail("result", json(call.result()));
        }
        audit.record(event);
        if (call.downstreamFailure() != null) {
            audit.record(downstreamFailure(call));
        }
    }

    /**
     * A tool call that ended because no downstream credential could be obtained: the downstream's name and the
     * failure's safe reason code ({@code DownstreamException#reason()}: an OAuth error code, an HTTP status), never a
     * token, secret or the authorization server's free text.
     */
    private static AuditEvent downstreamFailure(ServedCall call) {
        ServedCall.DownstreamFailure failure = call.downstreamFailure();
        return caller(AuditEvent.of(AuditEventType.DOWNSTREAM_TOKEN_FAILED).target(call.target()), call.caller())
                .failed(failure.reason())
                .detail("downstream", failure.downstream());
    }

    @Override
    public void sessionOpened(String sessionKey, Caller caller) {
        AuditEvent event = caller(AuditEvent.of(AuditEventType.MCP_SESSION_OPENED), caller)
                .detail("session", sessionRef(sessionKey));
        String clientId = caller == null
                ? null
                : AuditEvent.claimText(caller.claim("client_id").orElse(null));
        if (clientId != null) {
            if (sessionClients.size() >= MAX_SESSIONS_REMEMBERED) {
                sessionClients.clear(); // bounded against lost ends; at worst an end is recorded without its client
            }
            sessionClients.put(sessionRef(sessionKey), clientId);
        }
        audit.record(event);
    }

    @Override
    public void sessionClosed(String sessionKey, String owner, String reason) {
        String ref = sessionRef(sessionKey);
        audit.record(AuditEvent.of(AuditEventType.MCP_SESSION_CLOSED)
                .subject(owner)
                .client(ref == null ? null : sessionClients.remove(ref))
                .detail("session", ref)
                .detail("reason", reason));
    }

    /**
     * A reference to the session that tells records of one session apart without storing its id (with the id and
     * the owner's token anyone could use the session): the first 64 bits of the session key the engine reports, the
     * SHA-256 of the id in hex.
     */
    static String sessionRef(String sessionKey) {
        return sessionKey == null || sessionKey.length() < 16 ? null : sessionKey.substring(0, 16);
    }

    private static AuditEvent caller(AuditEvent event, Caller caller) {
        if (caller == null) {
            return event;
        }
        return event.subject(caller.name())
                .client(AuditEvent.claimText(caller.claim("client_id").orElse(null)));
    }

    private String json(JsonObject value) {
        if (value == null) {
            return null;
        }
        String text = redaction.apply(value).toString();
        return text.length() > MAX_RECORDED_JSON ? text.substring(0, MAX_RECORDED_JSON) + "…" : text;
    }
}
