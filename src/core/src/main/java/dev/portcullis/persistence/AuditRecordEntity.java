package dev.portcullis.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One audit record (src/docs/audit.md). Written only by {@code dev.portcullis.audit.AuditWriter}; never updated. */
@Entity
@Table(name = "AUDIT_RECORD")
@NamedQuery(name = AuditRecordEntity.PURGE, query = "DELETE FROM AuditRecordEntity r WHERE r.occurredAt < :before")
public class AuditRecordEntity {

    public static final String PURGE = "AuditRecordEntity.purge";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "RECORD_ID")
    private Long recordId;

    @Column(name = "OCCURRED_AT", nullable = false)
    private Instant occurredAt;

    @Column(name = "EVENT_TYPE", nullable = false, length = 40)
    private String eventType;

    @Column(name = "OUTCOME", nullable = false, length = 40)
    private String outcome;

    @Column(name = "SUBJECT", length = 2048)
    private String subject;

    @Column(name = "CLIENT_ID", length = 2048)
    private String clientId;

    @Column(name = "TARGET", length = 2048)
    private String target;

    @Column(name = "ERROR_CODE")
    private Integer errorCode;

    @Column(name = "DURATION_MICROS")
    private Long durationMicros;

    @Column(name = "REQUEST_ID", length = 64)
    private String requestId;

    @Column(name = "FLOW_ID", length = 64)
    private String flowId;

    @Column(name = "DETAILS", length = 8000)
    private String details;

    protected AuditRecordEntity() {}

    public AuditRecordEntity(
            Instant occurredAt,
            String eventType,
            String outcome,
            String subject,
            String clientId,
            String target,
            Integer errorCode,
            Long durationMicros,
            String requestId,
            String flowId,
            String details) {
        this.occurredAt = occurredAt;
        this.eventType = eventType;
        this.outcome = outcome;
        this.subject = subject;
        this.clientId = clientId;
        this.target = target;
        this.errorCode = errorCode;
        this.durationMicros = durationMicros;
        this.requestId = requestId;
        this.flowId = flowId;
        this.details = details;
    }

    public Long getRecordId() {
        return recordId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getEventType() {
        return eventType;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getSubject() {
        return subject;
    }

    public String getClientId() {
        return clientId;
    }

    public String getTarget() {
        return target;
    }

    public Integer getErrorCode() {
        return errorCode;
    }

    public Long getDurationMicros() {
        return durationMicros;
    }

    public String getRequestId() {
        return requestId;
    }

    public String getFlowId() {
        return flowId;
    }

    public String getDetails() {
        return details;
    }
}
