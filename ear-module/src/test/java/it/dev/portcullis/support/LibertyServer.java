package it.dev.portcullis.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The product Liberty server that the build created and started, as failsafe's system properties describe it.
 * Tests use it to reach the server over HTTPS and to stop, crash and start it with Liberty's own script.
 */
public final class LibertyServer {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Path wlp;
    private final String name;
    private final URI baseUrl;

    private LibertyServer(Path wlp, String name, URI baseUrl) {
        this.wlp = wlp;
        this.name = name;
        this.baseUrl = baseUrl;
    }

    /** The server under test. */
    public static LibertyServer current() {
        return new LibertyServer(Path.of(required("it.liberty.wlp.dir")), required("it.liberty.server.name"),
                URI.create(required("it.base.url")));
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public URI url(String path) {
        return baseUrl.resolve(path);
    }

    public int httpPort() {
        return Integer.parseInt(required("it.http.port"));
    }

    public Path directory() {
        return wlp.resolve("usr/servers").resolve(name);
    }

    /** The keystore that holds the certificate Liberty generated on first start. */
    public Path keystore() {
        return directory().resolve("resources/security/key.p12");
    }

    /** The random keystore password that {@code server create} wrote into server.env. */
    public char[] keystorePassword() {
        Properties env = new Properties();
        try (InputStream in = Files.newInputStream(directory().resolve("server.env"))) {
            env.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return env.getProperty("keystore_password").toCharArray();
    }

    /** A graceful stop, then a start, then waits until the application is ready. */
    public void restart() {
        script("stop");
        script("start");
        awaitReady();
    }

    /** Kills the server's JVM with SIGKILL, as a power cut would, then starts it and waits until it is ready. */
    public void crashAndStart() throws Exception {
        crash();
        start();
    }

    /** Kills the server's JVM with SIGKILL and waits until it is gone. */
    public void crash() throws Exception {
        long pid = Long.parseLong(Files.readString(wlp.resolve("usr/servers/.pid/" + name + ".pid")).trim());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        process.destroyForcibly();
        process.onExit().get(60, TimeUnit.SECONDS);
    }

    /** Starts the (stopped or crashed) server and waits until it is ready. */
    public void start() {
        script("start");
        awaitReady();
    }

    /** Polls /health/ready until it answers 200. */
    public void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        HttpRequest ready = HttpRequest.newBuilder(url("/health/ready")).timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            try {
                if (Https.client().send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the listener is not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("the server was not ready within " + READY_TIMEOUT);
    }

    private void script(String action) {
        try {
            Process process = new ProcessBuilder(wlp.resolve("bin/server").toString(), action, name)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .start();
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("server " + action + " " + name + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set; run the tests with ./mvnw verify");
        }
        return value;
    }
}
