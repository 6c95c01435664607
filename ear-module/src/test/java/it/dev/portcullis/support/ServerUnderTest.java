package it.dev.portcullis.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Brings up the server under test ({@link AppServer#current()}) once per test JVM, before the first test class that
 * carries this extension, and prints the SHA-256 of the EAR it runs ({@code it.ear.file}), so a run's output shows
 * that every server got the same file. A server the build does not manage is installed from
 * {@code src/servers/<server>/}, given the EAR and started here, and stopped when the last test is done.
 */
public final class ServerUnderTest implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(ServerUnderTest.class, key -> bringUp(), Running.class);
    }

    private static Running bringUp() {
        AppServer server = AppServer.current();
        Path ear = Path.of(AppServer.required("it.ear.file"));
        System.out.println("[" + server.name() + "] EAR sha256 " + sha256(ear) + " " + ear);
        if (server.managedByBuild()) {
            return new Running(null);
        }
        long began = System.nanoTime();
        server.install(ear);
        server.start();
        System.out.printf(
                "[%s] installed and started in %d s%n", server.name(), (System.nanoTime() - began) / 1_000_000_000);
        Thread stopOnExit = new Thread(() -> {
            try {
                server.stop();
            } catch (RuntimeException alreadyStopped) {
                // the store closed it first
            }
        });
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        return new Running(server);
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server this extension started (null for one the build manages); the store stops it at the end. */
    @SuppressWarnings("deprecation") // CloseableResource for JUnit versions before 5.13, AutoCloseable after
    record Running(AppServer server) implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        @Override
        public void close() {
            if (server != null) {
                server.stop();
            }
        }
    }
}
