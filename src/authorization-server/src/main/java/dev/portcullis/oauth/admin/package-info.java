/**
 * The operator API of the audit trail, {@code /oauth/admin/audit}: records filtered and paged by keyset, and a
 * streamed JSON Lines export, for members of the realm group {@code portcullis.audit.admin-group} (default
 * {@code portcullis-admins}). It authenticates with HTTP Basic against the server's realm (or an existing login of
 * this module) and answers every refusal and bad filter as JSON, never with a page or a stack trace.
 * src/docs/audit.md describes it.
 */
package dev.portcullis.oauth.admin;
