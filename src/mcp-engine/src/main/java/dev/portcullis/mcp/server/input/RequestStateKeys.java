package dev.portcullis.mcp.server.input;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks the {@code requestState} HMAC key: the configured one if set; otherwise the stored one; otherwise a new
 * random 256-bit key, stored so that the next start (and every other server on the same store) uses it too. When two
 * servers race to store a first key, the loser reads the winner's.
 */
public final class RequestStateKeys {

    /** The shortest key accepted: 256 bits, the output size of HMAC-SHA256. */
    public static final int MIN_BYTES = 32;

    private RequestStateKeys() {}

    public static byte[] resolve(Optional<byte[]> configured, RequestStateKeyStore store) {
        Objects.requireNonNull(store, "store cannot be null");
        if (configured.isPresent()) {
            return checked(configured.get(), "the configured requestState key");
        }
        Optional<byte[]> stored = store.load();
        if (stored.isPresent()) {
            return checked(stored.get(), "the stored requestState key");
        }
        byte[] fresh = random();
        if (store.storeIfAbsent(fresh)) {
            return fresh;
        }
        return checked(
                store.load()
                        .orElseThrow(() ->
                                new IllegalStateException("the requestState key store refused a key but holds none")),
                "the stored requestState key");
    }

    /** A new random key of {@value #MIN_BYTES} bytes. */
    public static byte[] random() {
        byte[] key = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static byte[] checked(byte[] key, String what) {
        if (key.length < MIN_BYTES) {
            throw new IllegalStateException(what + " is shorter than " + MIN_BYTES + " bytes");
        }
        return key;
    }
}
