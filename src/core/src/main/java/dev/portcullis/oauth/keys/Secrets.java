package dev.portcullis.oauth.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Random credentials and their hashes. Client secrets get PBKDF2-HMAC-SHA256 with a per-secret salt (a slow
 * hash, so a stolen table is expensive to test guesses against); registration access tokens, which are 256
 * random bits and are checked on every RFC 7592 call, get SHA-256. Both are compared in constant time.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8018#section-5.2">RFC 8018 section 5.2 (PBKDF2)</a>
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String PBKDF2 = "pbkdf2-sha256";
    private static final String SHA256 = "sha256";

    private Secrets() {}

    /** {@code bytes} random bytes, base64url without padding. */
    public static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return BASE64URL.encodeToString(value);
    }

    /** {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}. */
    public static String slowHash(String secret, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return PBKDF2 + "$" + iterations + "$" + BASE64URL.encodeToString(salt) + "$"
                + BASE64URL.encodeToString(pbkdf2(secret, salt, iterations));
    }

    /** {@code sha256$<hash>}. */
    public static String fastHash(String token) {
        return SHA256 + "$" + BASE64URL.encodeToString(sha256(token));
    }

    /** Whether {@code candidate} hashes to {@code stored}; false for any malformed input. */
    public static boolean matches(String candidate, String stored) {
        if (candidate == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        byte[] expected;
        byte[] actual;
        if (parts.length == 4 && PBKDF2.equals(parts[0])) {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            expected = decoder.decode(parts[3]);
            actual = pbkdf2(candidate, decoder.decode(parts[2]), Integer.parseInt(parts[1]));
        } else if (parts.length == 2 && SHA256.equals(parts[0])) {
            expected = Base64.getUrlDecoder().decode(parts[1]);
            actual = sha256(candidate);
        } else {
            return false;
        }
        return MessageDigest.isEqual(expected, actual);
    }

    /** Constant-time string comparison for configured tokens. */
    public static boolean equalsConstantTime(String a, String b) {
        return a != null
                && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] pbkdf2(String secret, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
