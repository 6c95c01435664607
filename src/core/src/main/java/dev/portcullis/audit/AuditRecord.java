package dev.portcullis.audit;

import java.time.Instant;

/** A stamped event on its way to the database: what {@link AuditQueue} holds and {@link AuditWriter} stores. */
record AuditRecord(
        Instant occurredAt,
        String type,
        String outcome,
        String subject,
        String clientId,
        String target,
        Integer errorCode,
        Long durationMicros,
        String requestId,
        String flowId,
        String detailsJson) {}
