/**
 * What users granted to clients, read and ended for the browser pages ({@code /oauth/account} for a user's own
 * grants, {@code /oauth/console} for operators): the active token families per user and client, the registered
 * clients, and revocation per family, per client and per user. Never returns a token, a secret or a hash.
 */
package dev.portcullis.oauth.grants;
