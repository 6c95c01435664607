package dev.portcullis.oauth.registration;

/**
 * CDI event: a registered client was deleted (RFC 7592 section 2.3). Observers run synchronously in the deletion's
 * transaction and revoke what the client was issued; if one fails, the deletion fails with it.
 */
public record ClientDeleted(String clientId) {}
