package it.dev.portcullis.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A WildFly 39 server of the tests' own, made and run by {@code src/servers/wildfly/wildfly.sh} (the same script the
 * deploy guide gives people): failsafe's {@code it.wildfly.*} system properties say where the unzipped distribution
 * is, where the server's base directory goes and its port base (HTTPS = base + 1, HTTP = base + 2, management =
 * base + 3).
 */
public final class WildFlyServer implements AppServer {

    private final Path script;
    private final Path serverDir;
    private final int portBase;

    private WildFlyServer(Path script, Path serverDir, int portBase) {
        this.script = script;
        this.serverDir = serverDir;
        this.portBase = portBase;
    }

    /** The WildFly server under test. */
    public static WildFlyServer current() {
        return new WildFlyServer(
                Path.of(AppServer.required("it.servers.dir"), "wildfly", "wildfly.sh"),
                Path.of(AppServer.required("it.wildfly.server.dir")),
                Integer.parseInt(AppServer.required("it.wildfly.portbase")));
    }

    @Override
    public String name() {
        return "wildfly";
    }

    @Override
    public URI baseUrl() {
        return URI.create("https://localhost:" + (portBase + 1));
    }

    @Override
    public int httpPort() {
        return portBase + 2;
    }

    @Override
    public Path keystore() {
        return serverDir.resolve("configuration/portcullis-tls.p12");
    }

    @Override
    public char[] keystorePassword() {
        Properties tls = new Properties();
        try (var in = Files.newInputStream(serverDir.resolve("configuration/portcullis-tls.properties"))) {
            tls.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tls.getProperty("portcullis.keystore.password").toCharArray();
    }

    @Override
    public Path log() {
        return serverDir.resolve("log/server.log");
    }

    @Override
    public boolean managedByBuild() {
        return false;
    }

    @Override
    public void install(Path ear) {
        wildfly("create");
        wildfly("deploy", ear.toString());
    }

    @Override
    public void start() {
        wildfly("start");
        awaitReady();
    }

    @Override
    public void stop() {
        wildfly("stop");
    }

    @Override
    public void crash() {
        wildfly("kill");
    }

    @Override
    public void useRealm(String realm, Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("REALM", "file".equals(realm) ? "demo" : realm);
        wildfly(environment, "realm");
        awaitReady();
    }

    private void wildfly(String... arguments) {
        wildfly(Map.of(), arguments);
    }

    private void wildfly(Map<String, String> extra, String... arguments) {
        try {
            String[] command = new String[arguments.length + 1];
            command[0] = script.toString();
            System.arraycopy(arguments, 0, command, 1, arguments.length);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT);
            Map<String, String> environment = builder.environment();
            environment.put("WILDFLY_HOME", AppServer.required("it.wildfly.home"));
            environment.put("SERVER_DIR", serverDir.toString());
            environment.put("PORT_BASE", Integer.toString(portBase));
            environment.put("ISSUER", baseUrl().toString().replaceAll("/$", ""));
            environment.put("JARS", AppServer.required("it.wildfly.jars"));
            Path settings =
                    AppSettings.write(serverDir.resolveSibling(serverDir.getFileName() + "-app.properties"), baseUrl());
            if (settings != null) {
                environment.put("APP_PROPERTIES", settings.toString());
            }
            String skew = System.getProperty("it.token.clock.skew.seconds");
            if (skew != null && !skew.isBlank()) {
                environment.put("TOKEN_CLOCK_SKEW_SECONDS", skew);
            }
            environment.putAll(extra);
            Process process = builder.start();
            if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("wildfly.sh " + String.join(" ", arguments) + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
