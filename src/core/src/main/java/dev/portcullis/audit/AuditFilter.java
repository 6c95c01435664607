package dev.portcullis.audit;

import java.time.Instant;

/**
 * What an operator asks the audit trail for: every field optional (null), combined with AND. {@code from} is
 * inclusive, {@code to} exclusive; {@code target} is the tool, prompt or resource an MCP call named.
 */
public record AuditFilter(
        Instant from,
        Instant to,
        String subject,
        String clientId,
        String type,
        String target,
        String outcome,
        String flowId,
        String requestId) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null, null, null);
    }
}
