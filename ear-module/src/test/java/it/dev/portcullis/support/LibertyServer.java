package it.dev.portcullis.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The Liberty server that the build created and started (liberty-maven-plugin), as failsafe's system properties
 * describe it. Tests use it to reach the server over HTTPS and to stop, crash and start it with Liberty's own script.
 */
public final class LibertyServer implements AppServer {

    private final Path wlp;
    private final String name;
    private final URI baseUrl;

    private LibertyServer(Path wlp, String name, URI baseUrl) {
        this.wlp = wlp;
        this.name = name;
        this.baseUrl = baseUrl;
    }

    /** The Liberty server under test. */
    public static LibertyServer current() {
        return new LibertyServer(
                Path.of(AppServer.required("it.liberty.wlp.dir")),
                AppServer.required("it.liberty.server.name"),
                URI.create(AppServer.required("it.base.url")));
    }

    @Override
    public String name() {
        return "liberty";
    }

    @Override
    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public int httpPort() {
        return Integer.parseInt(AppServer.required("it.http.port"));
    }

    public Path directory() {
        return wlp.resolve("usr/servers").resolve(name);
    }

    /** The keystore that holds the certificate Liberty generated on first start. */
    @Override
    public Path keystore() {
        return directory().resolve("resources/security/key.p12");
    }

    /** The random keystore password that {@code server create} wrote into server.env. */
    @Override
    public char[] keystorePassword() {
        Properties env = new Properties();
        try (InputStream in = Files.newInputStream(directory().resolve("server.env"))) {
            env.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return env.getProperty("keystore_password").toCharArray();
    }

    @Override
    public Path log() {
        return directory().resolve("logs/messages.log");
    }

    @Override
    public boolean managedByBuild() {
        return true;
    }

    @Override
    public void install(Path ear) {
        throw new UnsupportedOperationException("liberty-maven-plugin creates the Liberty server and deploys the EAR");
    }

    @Override
    public void restart() {
        script("stop");
        script("start");
        awaitReady();
    }

    @Override
    public void stop() {
        script("stop");
    }

    @Override
    public void crash() throws Exception {
        long pid = Long.parseLong(Files.readString(wlp.resolve("usr/servers/.pid/" + name + ".pid"))
                .trim());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        process.destroyForcibly();
        process.onExit().get(60, TimeUnit.SECONDS);
    }

    @Override
    public void start() {
        script("start");
        awaitReady();
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
}
