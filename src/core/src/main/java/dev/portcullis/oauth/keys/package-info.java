/**
 * Token signing keys: generation, encrypted storage, rotation, and the public JWK Set; and the random credentials
 * and their hashes ({@link dev.portcullis.oauth.keys.Secrets}) that registration, codes, tokens, consent and login
 * forms share. Only
 * {@link dev.portcullis.oauth.keys.NimbusJose} uses the Nimbus JOSE+JWT library; the rest works with JDK key
 * types, so part 2's token issuer signs through {@code NimbusJose.sign} with {@code SigningKeys.active()}.
 */
package dev.portcullis.oauth.keys;
