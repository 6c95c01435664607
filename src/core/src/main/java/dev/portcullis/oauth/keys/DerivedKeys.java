package dev.portcullis.oauth.keys;

import dev.portcullis.config.AuthServerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HMAC keys derived from the key-encryption key ({@link KeyEncryption#derive}), one per purpose. The KEK is the one
 * secret every server of a cluster must share anyway (it decrypts the signing keys in the shared database), so
 * values one server protects with a derived key (consent form tokens, the login cookie) verify on every other server
 * without any further configuration, and a restart does not invalidate them.
 */
@ApplicationScoped
public class DerivedKeys {

    @Inject
    private AuthServerConfig config;

    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    /** The key for {@code purpose}, the same on every server with the same KEK. */
    public byte[] forPurpose(String purpose) {
        return keys.computeIfAbsent(purpose, p -> encryption().derive(p)).clone();
    }

    private KeyEncryption encryption() {
        try {
            return config.keyEncryptionKey().isPresent()
                    ? KeyEncryption.fromBase64(config.keyEncryptionKey().get())
                    : KeyEncryption.fromFile(Path.of(config.keyEncryptionKeyFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("the key-encryption key is not readable", e);
        }
    }
}
