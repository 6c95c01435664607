package dev.portcullis.mcp.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key under which a session is recorded and reported: the SHA-256 of its id, 64 hex digits. The id is 256
 * random bits, so the digest cannot be reversed or guessed back; records, audit entries and logs hold this, never
 * the id a client presents.
 */
public final class SessionKeys {

    private SessionKeys() {}

    /** The key of the session with this id. */
    public static String of(String sessionId) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
