package dev.portcullis.oauth.keys;

import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Objects;

/**
 * An ES256 (ECDSA P-256) token signing key. {@code retiredAt} is null for the active key; a retired key no longer
 * signs but stays published in the JWKS until the tokens it signed have expired.
 */
public record SigningKey(
        String kid, ECPublicKey publicKey, ECPrivateKey privateKey, Instant createdAt, Instant retiredAt) {

    /** The JWS algorithm of every key: RFC 7518 section 3.4. */
    public static final String ALGORITHM = "ES256";

    public SigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", createdAt=" + createdAt + ", retiredAt=" + retiredAt
                + "]"; // never the private key
    }
}
