package it.dev.portcullis.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The second Liberty server the build creates with the same EAR ({@code it.liberty.misconfigured.server.name}),
 * started by a test with its own environment on HTTPS {@code it.alternate.https.port} (9445) and HTTP
 * {@code it.alternate.http.port} (9082). It gets the product server's TLS key, so
 * the tests' one trust store covers both.
 */
public final class AlternateServer implements AutoCloseable {

    public static final int HTTPS_PORT = Integer.getInteger("it.alternate.https.port", 9445);
    public static final int HTTP_PORT = Integer.getInteger("it.alternate.http.port", 9082);
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final Path wlp = Path.of(System.getProperty("it.liberty.wlp.dir"));
    private final String name = System.getProperty("it.liberty.misconfigured.server.name");

    public Path directory() {
        return wlp.resolve("usr/servers").resolve(name);
    }

    public URI url(String path) {
        return URI.create("https://localhost:" + HTTPS_PORT + path);
    }

    /** Starts with {@code environment} (plus the ports) and waits until {@code /health/ready} says UP. */
    public AlternateServer start(Map<String, String> environment) throws Exception {
        LibertyServer product = LibertyServer.current();
        Path security = directory().resolve("resources/security");
        Files.createDirectories(security);
        Files.copy(product.keystore(), security.resolve("key.p12"), StandardCopyOption.REPLACE_EXISTING);
        Path serverEnv = directory().resolve("server.env");
        java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(serverEnv));
        lines.removeIf(line -> line.startsWith("keystore_password="));
        lines.add("keystore_password=" + new String(product.keystorePassword()));
        Files.write(serverEnv, lines);
        Map<String, String> env = new HashMap<>(environment);
        env.put("HTTPS_PORT", String.valueOf(HTTPS_PORT));
        env.put("HTTP_PORT", String.valueOf(HTTP_PORT));
        run("start", env);
        awaitReady();
        return this;
    }

    private void awaitReady() throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> ready = Https.client()
                        .send(
                                HttpRequest.newBuilder(url("/health/ready")).build(),
                                HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("server " + name + " was not ready within " + TIMEOUT);
    }

    @Override
    public void close() throws Exception {
        run("stop", Map.of());
    }

    private void run(String action, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(wlp.resolve("bin/server").toString(), action, name)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("server " + action + " " + name + " did not finish");
        }
    }
}
