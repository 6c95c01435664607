package it.dev.portcullis.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Server 6 domain of the tests' own, made and run by {@code src/servers/payara/payara.sh} (the same
 * script the deploy guide gives people): failsafe's {@code it.payara.*} system properties say where the unzipped
 * distribution is, where the domain goes and its port base (admin = base + 48, HTTP = base + 80, HTTPS = base + 81).
 */
public final class PayaraServer implements AppServer {

    private final Path script;
    private final Path domainDir;
    private final int portBase;

    private PayaraServer(Path script, Path domainDir, int portBase) {
        this.script = script;
        this.domainDir = domainDir;
        this.portBase = portBase;
    }

    /** The Payara domain under test. */
    public static PayaraServer current() {
        return new PayaraServer(
                Path.of(AppServer.required("it.servers.dir"), "payara", "payara.sh"),
                Path.of(AppServer.required("it.payara.domain.dir")),
                Integer.parseInt(AppServer.required("it.payara.portbase")));
    }

    @Override
    public String name() {
        return "payara";
    }

    @Override
    public URI baseUrl() {
        return URI.create("https://localhost:" + (portBase + 81));
    }

    @Override
    public int httpPort() {
        return portBase + 80;
    }

    private Path domain() {
        return domainDir.resolve("portcullis");
    }

    @Override
    public Path keystore() {
        return domain().resolve("config/keystore.p12");
    }

    @Override
    public char[] keystorePassword() {
        try {
            return Files.readString(domain().resolve("config/portcullis-keystore-password"))
                    .trim()
                    .toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Path log() {
        return domain().resolve("logs/server.log");
    }

    @Override
    public boolean managedByBuild() {
        return false;
    }

    @Override
    public void install(Path ear) {
        payara("create"); // leaves the domain running
        try {
            payara("deploy", ear.toString());
        } catch (RuntimeException deployFailed) {
            // never leave a half-installed domain running: its ports would fail the next run's create-domain
            try {
                payara("stop");
            } catch (RuntimeException stopFailed) {
                deployFailed.addSuppressed(stopFailed);
            }
            throw deployFailed;
        }
        payara("stop"); // the configuration is complete from the next start
    }

    @Override
    public void start() {
        payara("start");
        awaitReady();
    }

    @Override
    public void stop() {
        payara("stop");
    }

    @Override
    public void crash() {
        payara("kill");
    }

    @Override
    public void useRealm(String realm, Map<String, String> settings) {
        Map<String, String> environment = new java.util.HashMap<>(settings);
        environment.put("REALM", realm);
        payara(environment, "realm");
    }

    private void payara(String... arguments) {
        payara(Map.of(), arguments);
    }

    private void payara(Map<String, String> extra, String... arguments) {
        try {
            String[] command = new String[arguments.length + 1];
            command[0] = script.toString();
            System.arraycopy(arguments, 0, command, 1, arguments.length);
            // Into a file, not the test JVM's stdout (failsafe's channel); a failure quotes its end.
            Files.createDirectories(domainDir);
            Path output = domainDir.resolve("payara-sh.log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
            Map<String, String> environment = builder.environment();
            environment.put("PAYARA_HOME", AppServer.required("it.payara.home"));
            environment.put("DOMAIN_DIR", domainDir.toString());
            environment.put("PORT_BASE", Integer.toString(portBase));
            environment.put("ISSUER", baseUrl().toString());
            environment.put("DERBY_JARS", AppServer.required("it.payara.derby.jars"));
            Path settings = AppSettings.write(domainDir.resolve("app.properties"), baseUrl());
            if (settings != null) {
                environment.put("APP_PROPERTIES", settings.toString());
            }
            optional("it.token.clock.skew.seconds", "TOKEN_CLOCK_SKEW_SECONDS", environment);
            optional("it.payara.realm", "REALM", environment);
            environment.putAll(extra);
            Process process = builder.start();
            if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                List<String> lines = Files.readAllLines(output);
                throw new IllegalStateException("payara.sh " + String.join(" ", arguments) + " failed; " + output
                        + " ends:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void optional(String property, String variable, Map<String, String> environment) {
        String value = System.getProperty(property);
        if (value != null && !value.isBlank()) {
            environment.put(variable, value);
        }
    }
}
