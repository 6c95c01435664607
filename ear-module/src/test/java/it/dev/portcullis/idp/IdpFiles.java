package it.dev.portcullis.idp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the identity providers' files are: the seeds in the repository ({@code src/it-idp}, the very files the docs
 * show) and a fresh working directory per provider under the module's {@code target/idp}.
 */
final class IdpFiles {

    private IdpFiles() {}

    static Path ldif() {
        return seeds().resolve("ldap/directory.ldif");
    }

    static Path keycloakRealm() {
        return seeds().resolve("keycloak/portcullis-realm.json");
    }

    /** An empty directory {@code target/idp/<name>}: what a previous run left there is deleted. */
    static Path workDirectory(String name) {
        Path directory = Path.of(System.getProperty("it.idp.work.dir", "target/idp"))
                .resolve(name)
                .toAbsolutePath();
        try {
            if (Files.exists(directory)) {
                try (Stream<Path> old = Files.walk(directory)) {
                    for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path seeds() {
        return Path.of(System.getProperty("it.idp.seeds.dir", "../src/it-idp")).toAbsolutePath();
    }
}
