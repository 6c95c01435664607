package dev.portcullis.oauth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyEncryptionTest {

    @TempDir
    Path dir;

    @Test
    void fromFileWhenMissingThenGeneratesOwnerOnlyKeyAndReusesIt() throws Exception {
        Path file = dir.resolve("security/kek.bin");
        KeyEncryption first = KeyEncryption.fromFile(file);
        String encrypted = first.encrypt("private".getBytes(StandardCharsets.UTF_8), "kid-1");

        KeyEncryption again = KeyEncryption.fromFile(file);

        assertThat(new String(again.decrypt(encrypted, "kid-1"), StandardCharsets.UTF_8))
                .isEqualTo("private");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void decryptWhenOtherKeyOrOtherKidThenFails() throws Exception {
        KeyEncryption kek = KeyEncryption.fromFile(dir.resolve("a"));
        String encrypted = kek.encrypt(new byte[] {1, 2, 3}, "kid-1");

        assertThatThrownBy(() -> kek.decrypt(encrypted, "kid-2")).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> KeyEncryption.fromFile(dir.resolve("b")).decrypt(encrypted, "kid-1"))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void encryptWhenSamePlaintextTwiceThenDifferentCiphertexts() throws Exception {
        KeyEncryption kek = KeyEncryption.fromFile(dir.resolve("k"));

        assertThat(kek.encrypt(new byte[] {7}, "k")).isNotEqualTo(kek.encrypt(new byte[] {7}, "k"));
    }
}
