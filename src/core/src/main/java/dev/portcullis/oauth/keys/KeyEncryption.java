package dev.portcullis.oauth.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts private signing keys at rest with AES-GCM under a key-encryption key (KEK) that is not in the
 * database: either configured ({@code portcullis.oauth.keys.encryption-key}) or generated once into a file
 * readable only by the server's user. The key id is the associated data, so a ciphertext cannot be moved to
 * another row. Output: base64(12-byte IV || ciphertext+tag).
 *
 * @see <a href="https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38d.pdf">NIST SP 800-38D</a>
 */
public final class KeyEncryption {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey kek;

    public KeyEncryption(byte[] kek) {
        Objects.requireNonNull(kek, "kek");
        if (kek.length != 16 && kek.length != 24 && kek.length != 32) {
            throw new IllegalArgumentException("the key-encryption key must be 128, 192 or 256 bits");
        }
        this.kek = new SecretKeySpec(kek, "AES");
    }

    /** The KEK from base64 text. */
    public static KeyEncryption fromBase64(String base64) {
        return new KeyEncryption(Base64.getDecoder().decode(base64.trim()));
    }

    /** The KEK in {@code file}, generated (256 bits, owner-only permissions) when the file does not exist. */
    public static KeyEncryption fromFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(
                    file,
                    Base64.getEncoder().encodeToString(key),
                    StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.SYNC);
        }
        return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /**
     * A 256-bit key for one purpose, derived from the KEK (HMAC-SHA256 of the purpose under the KEK, as in the
     * extract-then-expand step of RFC 5869 with the KEK as the pseudorandom key): every server with the same KEK
     * derives the same key, so HMAC-protected values made on one server verify on the others, and a derived key
     * reveals neither the KEK nor the keys of other purposes.
     *
     * @see <a href="https://www.rfc-editor.org/rfc/rfc5869#section-2.3">RFC 5869 section 2.3</a>
     */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(kek.getEncoded(), "HmacSHA256"));
            mac.update(("portcullis " + purpose).getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(new byte[] {1});
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    public String encrypt(byte[] plaintext, String associatedData) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, associatedData);
            byte[] ciphertext = cipher.doFinal(plaintext);
            byte[] out = Arrays.copyOf(iv, IV_BYTES + ciphertext.length);
            System.arraycopy(ciphertext, 0, out, IV_BYTES, ciphertext.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** The plaintext; fails if the KEK is wrong or the ciphertext or its associated data were altered. */
    public byte[] decrypt(String encrypted, String associatedData) throws GeneralSecurityException {
        byte[] in = Base64.getDecoder().decode(encrypted);
        Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(in, IV_BYTES), associatedData);
        return cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
    }

    private Cipher cipher(int mode, byte[] iv, String associatedData) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, kek, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
