/**
 * The audit trail: who did what, on whose behalf, and who let them in. Services and the MCP engine hand an
 * {@link dev.portcullis.audit.AuditEvent} to the one facade {@link dev.portcullis.audit.AuditTrail}; it stamps the
 * time, the request id and the OAuth flow id ({@link dev.portcullis.audit.Correlation}) and puts the record on a
 * bounded in-memory queue that a managed executor writes to the database in batches
 * ({@link dev.portcullis.audit.AuditQueue}). A request never waits for the database: a full queue or a failed
 * write drops records and counts them ({@link dev.portcullis.audit.AuditQueueStats}). Records never hold tokens,
 * secrets, passwords, codes or PKCE verifiers; tool arguments and results only for tools that opt in, redacted
 * ({@link dev.portcullis.audit.Redaction}). This package depends on configuration and persistence only; everything
 * else calls it. src/docs/audit.md lists the events.
 */
package dev.portcullis.audit;
