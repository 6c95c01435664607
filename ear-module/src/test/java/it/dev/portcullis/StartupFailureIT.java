package it.dev.portcullis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server started with a missing setting or an unreachable database does not start the application, and
 * its log says why in one line per problem that names the setting, with no stack trace. Also the defaults a fresh
 * server starts with: the demo realm warns loudly, listens on loopback only, has no plain HTTP, and is refused
 * in a production installation.
 */
class StartupFailureIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String HTTPS = String.valueOf(it.dev.portcullis.support.AlternateServer.HTTPS_PORT);
    private static final String HTTP = String.valueOf(it.dev.portcullis.support.AlternateServer.HTTP_PORT);

    private final Path wlp = Path.of(System.getProperty("it.liberty.wlp.dir"));
    private final String name = System.getProperty("it.liberty.misconfigured.server.name");
    private final Path messages = wlp.resolve("usr/servers").resolve(name).resolve("logs/messages.log");

    @BeforeEach
    void freshLog() throws IOException {
        Files.deleteIfExists(messages);
    }

    @AfterEach
    void stop() throws Exception {
        server(Map.of(), "stop");
    }

    @Test
    void startWhenIssuerMissingAndDatabaseUnreachableThenOneClearLineEachAndNoStackTrace() throws Exception {
        server(
                Map.of(
                        "PORTCULLIS_ISSUER",
                        "",
                        "DERBY_DATABASE_DIR",
                        "/proc/portcullis/no-such-db",
                        "HTTPS_PORT",
                        HTTPS,
                        "HTTP_PORT",
                        HTTP),
                "start");

        List<String> log = awaitLine("CWWKZ0002E"); // the application failed to start

        assertThat(log)
                .filteredOn(line -> line.contains(" E Portcullis cannot start: setting portcullis.issuer"))
                .singleElement()
                .asString()
                .contains("is not set", "PORTCULLIS_ISSUER");
        assertThat(log)
                .filteredOn(line -> line.contains(" E Portcullis cannot start: the datasource jdbc/portcullis"))
                .singleElement()
                .asString()
                .contains("cannot open a connection", "DERBY_DATABASE_DIR");
        assertThat(log).noneMatch(line -> line.startsWith("\tat ") || line.startsWith("    at "));
        assertThat(log).noneMatch(line -> line.contains("CWWKZ0001I")); // "application started"
    }

    @Test
    void startWhenResourceUrlMalformedThenNamesTheSettingAndTheRule() throws Exception {
        server(
                Map.of(
                        "PORTCULLIS_MCP_RESOURCE",
                        "http://localhost:" + HTTPS + "/mcp/",
                        "HTTPS_PORT",
                        HTTPS,
                        "HTTP_PORT",
                        HTTP),
                "start");

        List<String> log = awaitLine("CWWKZ0002E");

        assertThat(log)
                .filteredOn(line -> line.contains(" E Portcullis cannot start: setting portcullis.mcp.resource"))
                .singleElement()
                .asString()
                .contains(
                        "'http://localhost:" + HTTPS + "/mcp/' must be an absolute https URL",
                        "PORTCULLIS_MCP_RESOURCE");
        assertThat(log).noneMatch(line -> line.startsWith("\tat "));
    }

    @Test
    void startWhenDefaultsThenDemoRealmWarnedLoopbackOnlyAndNoPlainHttp() throws Exception {
        server(Map.of("HTTPS_PORT", HTTPS), "start"); // no PORTCULLIS_HOST, no HTTP_PORT

        List<String> log = awaitLine("CWWKZ0001I"); // the application started

        assertThat(log)
                .filteredOn(line -> line.contains(" W THE DEMO REALM IS ACTIVE"))
                .singleElement()
                .asString()
                .contains("passwords are public", "PORTCULLIS_PRODUCTION");
        List<String> listeners =
                log.stream().filter(line -> line.contains("CWWKO0219I")).toList();
        assertThat(listeners)
                .as("listeners")
                .isNotEmpty()
                .allSatisfy(line ->
                        assertThat(line).contains("defaultHttpEndpoint-ssl", "host localhost", "port " + HTTPS));
    }

    @Test
    void startWhenDemoRealmInProductionThenRefusedWithOneLine() throws Exception {
        server(Map.of("PORTCULLIS_PRODUCTION", "true", "HTTPS_PORT", HTTPS), "start");

        List<String> log = awaitLine("CWWKZ0002E");

        assertThat(log)
                .filteredOn(line -> line.contains(" E Portcullis cannot start: the demo realm"))
                .singleElement()
                .asString()
                .contains("portcullis.production", "PORTCULLIS_REALM");
        assertThat(log).noneMatch(line -> line.startsWith("\tat "));
        assertThat(log).noneMatch(line -> line.contains("CWWKZ0001I"));
    }

    private List<String> awaitLine(String marker) throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(messages)) {
                List<String> lines = Files.readAllLines(messages);
                if (lines.stream().anyMatch(line -> line.contains(marker))) {
                    return lines;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError(marker + " did not appear in " + messages + " within " + TIMEOUT);
    }

    private void server(Map<String, String> environment, String action) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(wlp.resolve("bin/server").toString(), action, name)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .as("server " + action)
                .isTrue();
    }
}
