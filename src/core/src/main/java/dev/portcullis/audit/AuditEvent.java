package dev.portcullis.audit;

import jakarta.json.JsonString;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One event as a service describes it, built fluently and handed to {@link AuditTrail#record}:
 * {@code AuditTrail.record(AuditEvent.of(TOKEN_ISSUED).client(id).subject(sub).detail("grant_type", type))}.
 * Details are short descriptive values (grant type, scopes, a reason); never a token, secret, code or password.
 */
public final class AuditEvent {

    /** The outcome of an event that succeeded. */
    public static final String OK = "ok";
    /** The outcome of an event the server refused or that failed. */
    public static final String FAILED = "failed";

    private final AuditEventType type;
    private String outcome = OK;
    private String subject;
    private String clientId;
    private String target;
    private Integer errorCode;
    private Long durationMicros;
    private String flowId;
    private final Map<String, String> details = new LinkedHashMap<>();

    private AuditEvent(AuditEventType type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    public static AuditEvent of(AuditEventType type) {
        return new AuditEvent(type);
    }

    public AuditEvent outcome(String value) {
        outcome = Objects.requireNonNull(value, "outcome");
        return this;
    }

    public AuditEvent failed(String reason) {
        outcome = FAILED;
        return detail("reason", reason);
    }

    public AuditEvent subject(String value) {
        subject = value;
        return this;
    }

    public AuditEvent client(String value) {
        clientId = value;
        return this;
    }

    /** The tool, prompt or resource URI an MCP call named. */
    public AuditEvent target(String value) {
        target = value;
        return this;
    }

    public AuditEvent errorCode(Integer value) {
        errorCode = value;
        return this;
    }

    public AuditEvent durationMicros(long value) {
        durationMicros = value;
        return this;
    }

    /** The OAuth flow this event belongs to when the current request's {@link Correlation} does not know it. */
    public AuditEvent flow(String value) {
        flowId = value;
        return this;
    }

    /** Adds a detail; null values are left out. */
    public AuditEvent detail(String key, Object value) {
        if (value != null) {
            details.put(key, String.valueOf(value));
        }
        return this;
    }

    /** A claim value as plain text (a JSON string without its quotes); null stays null. */
    public static String claimText(Object claim) {
        if (claim == null) {
            return null;
        }
        return claim instanceof JsonString json ? json.getString() : String.valueOf(claim);
    }

    AuditEventType type() {
        return type;
    }

    String outcome() {
        return outcome;
    }

    String subject() {
        return subject;
    }

    String clientId() {
        return clientId;
    }

    String target() {
        return target;
    }

    Integer errorCode() {
        return errorCode;
    }

    Long durationMicros() {
        return durationMicros;
    }

    String flowId() {
        return flowId;
    }

    Map<String, String> details() {
        return details;
    }
}
