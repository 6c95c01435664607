package it.dev.portcullis.archetype;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The generated project's local repository: this build's Portcullis artifacts (installed into it by
 * {@code invoker:install}), completed with everything else from the build's own local repository, hard-linked where
 * the file system allows (fast, no extra space). Maven's bookkeeping files are copied instead of linked, so that
 * nothing the generated build writes can reach the build's own repository. The user's repository is only read.
 */
final class PrivateRepository {

    private PrivateRepository() {}

    static Path completeFrom(Path seed, Path repository) throws IOException {
        Files.createDirectories(repository);
        try (Stream<Path> files = Files.walk(seed)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path relative = seed.relativize(file);
                Path target = repository.resolve(relative.toString());
                // This build's own artifacts come from invoker:install, never from an older install.
                if (relative.startsWith(Path.of("dev", "portcullis")) || Files.exists(target)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                if (bookkeeping(file.getFileName().toString())) {
                    Files.copy(file, target);
                } else {
                    try {
                        Files.createLink(target, file);
                    } catch (FileSystemException | UnsupportedOperationException e) {
                        Files.copy(file, target);
                    }
                }
            }
        }
        return repository;
    }

    private static boolean bookkeeping(String name) {
        return name.startsWith("maven-metadata")
                || name.equals("_remote.repositories")
                || name.endsWith(".lastUpdated")
                || name.equals("resolver-status.properties")
                || name.endsWith(".properties");
    }
}
