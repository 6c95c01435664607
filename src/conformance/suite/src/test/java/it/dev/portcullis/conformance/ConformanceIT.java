package it.dev.portcullis.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.AppServer;
import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official MCP conformance suite, both pinned versions, against the conformance EAR (through a loopback
 * {@link PlainHttpProxy}, as the suite partly speaks plain HTTP only). Each run writes its
 * per-scenario results under {@code target/conformance/} and a line to {@code summary.txt}.
 *
 * <p>Issue 3 asks for 100% with no baseline: every run must run at least its known number of scenarios and all of
 * them must pass.
 */
@ExtendWith(ServerUnderTest.class)
class ConformanceIT {

    /** 0.1.16 {@code --suite all}: all of its 32 scenarios must pass. */
    static final int SCENARIOS_016 = 32;
    /** 0.2.0-alpha.12 {@code --requirements 2025-11-25}: all of its 33 scenarios must pass. */
    static final int SCENARIOS_020_LEGACY = 33;
    /** 0.2.0-alpha.12 {@code --requirements 2026-07-28}: all of its 50 scenarios, the tasks extension's included. */
    static final int SCENARIOS_020_MODERN = 50;

    private static final AppServer SERVER = AppServer.current();
    private static final ConformanceSuite SUITE = ConformanceSuite.fromSystemProperties();
    private static PlainHttpProxy proxy;

    @BeforeAll
    static void install() throws Exception {
        SUITE.install();
        proxy = PlainHttpProxy.start(
                SERVER.baseUrl(),
                HttpClient.newBuilder()
                        .sslContext(Https.trustingServer(SERVER))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build());
    }

    @AfterAll
    static void stopProxy() {
        proxy.close();
    }

    @Test
    void suite016AllScenarios() throws Exception {
        Set<String> failing = check(
                "0.1.16-all", SUITE.run("c016", "0.1.16-all", url(), pem(), List.of("--suite", "all")), SCENARIOS_016);
        assertThat(failing).as("0.1.16 --suite all at 100%").isEmpty();
    }

    @Test
    void suite020Requirements20251125() throws Exception {
        Set<String> failing = check(
                "0.2.0-alpha.12-2025-11-25",
                SUITE.run("c020", "0.2.0-alpha.12-2025-11-25", url(), pem(), List.of("--requirements", "2025-11-25")),
                SCENARIOS_020_LEGACY);
        assertThat(failing)
                .as("0.2.0-alpha.12 --requirements 2025-11-25 at 100%")
                .isEmpty();
    }

    @Test
    void suite020Requirements20260728() throws Exception {
        Set<String> failing = check(
                "0.2.0-alpha.12-2026-07-28",
                SUITE.run("c020", "0.2.0-alpha.12-2026-07-28", url(), pem(), List.of("--requirements", "2026-07-28")),
                SCENARIOS_020_MODERN);
        assertThat(failing)
                .as("0.2.0-alpha.12 --requirements 2026-07-28 at 100%")
                .isEmpty();
    }

    /** Summarizes a run, checks it ran at least {@code minimumScenarios}; returns the failing scenarios. */
    private static Set<String> check(String label, Map<String, List<JsonObject>> results, int minimumScenarios)
            throws IOException {
        Set<String> passing = new TreeSet<>();
        Set<String> failing = new TreeSet<>();
        int checks = 0;
        int failedChecks = 0;
        for (Map.Entry<String, List<JsonObject>> scenario : results.entrySet()) {
            long failures = scenario.getValue().stream()
                    .filter(c -> "FAILURE".equals(c.getString("status", "")))
                    .count();
            checks += scenario.getValue().size();
            failedChecks += (int) failures;
            (failures == 0 ? passing : failing).add(scenario.getKey());
        }
        String line = String.format(
                "%s: scenarios %d/%d passed (%.1f%%), checks %d/%d passed; failing: %s%n",
                label,
                passing.size(),
                results.size(),
                results.isEmpty() ? 0.0 : 100.0 * passing.size() / results.size(),
                checks - failedChecks,
                checks,
                failing);
        Path summary = Path.of(System.getProperty("it.conformance.reports")).resolve("summary.txt");
        Files.writeString(summary, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.print(line);
        assertThat(results)
                .as("the suite ran every scenario; see target/conformance/" + label + ".log")
                .hasSizeGreaterThanOrEqualTo(minimumScenarios);
        return failing;
    }

    private static String url() {
        return proxy.url("/mcp").toString();
    }

    private static Path pem() {
        return Path.of(System.getProperty("it.server.certificate.pem"));
    }
}
