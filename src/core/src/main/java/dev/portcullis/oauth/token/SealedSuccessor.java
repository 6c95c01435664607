package dev.portcullis.oauth.token;

import dev.portcullis.oauth.keys.KeyEncryption;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The successor of a rotated refresh token, kept so that a refresh repeated within the reuse grace gets the same
 * successor back instead of forking the family. It is AES-256-GCM-encrypted under SHA-256 of a fixed label and the
 * rotated token's value: only a caller presenting that token can open it, and the database, which holds only the
 * token's plain SHA-256 (a different hash), cannot. The row's token hash is the associated data, so a sealed value
 * cannot be moved to another row. Every server of a cluster opens it alike; no key to share.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700 section 4.14.2</a>
 */
final class SealedSuccessor {

    private static final String LABEL = "portcullis refresh-token successor v1:";

    private SealedSuccessor() {}

    static String seal(String successor, String presentedToken, String presentedHash) {
        return encryption(presentedToken).encrypt(successor.getBytes(StandardCharsets.UTF_8), presentedHash);
    }

    /** The successor, or empty if {@code sealed} is absent or does not open with this token. */
    static Optional<String> open(String sealed, String presentedToken, String presentedHash) {
        if (sealed == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new String(encryption(presentedToken).decrypt(sealed, presentedHash), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static KeyEncryption encryption(String presentedToken) {
        try {
            return new KeyEncryption(MessageDigest.getInstance("SHA-256")
                    .digest((LABEL + presentedToken).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
