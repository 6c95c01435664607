/**
 * Token signing keys: generation, encrypted storage, rotation, and the public JWK Set. Only
 * {@link dev.portcullis.oauth.keys.NimbusJose} uses the Nimbus JOSE+JWT library; the rest works with JDK key
 * types, so part 2's token issuer signs through {@code NimbusJose.sign} with {@code SigningKeys.active()}.
 */
package dev.portcullis.oauth.keys;
