package dev.portcullis.oauth.consent;

/**
 * CDI event: {@code subject} withdrew an approval of {@code clientId}. Observers run synchronously in the withdrawal's
 * transaction and revoke what the client holds for the user; if one fails, the withdrawal fails with it.
 */
public record ConsentWithdrawn(String subject, String clientId) {}
