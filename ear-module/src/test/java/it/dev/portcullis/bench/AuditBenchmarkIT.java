package it.dev.portcullis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.oauth.CodeFlowTokens;
import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.LibertyServer;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: what the audit trail costs an authenticated {@code tools/call}. One server, one run: the same bearer
 * token calls {@code list_pets} (modern era, stateless; keep-alive TLS connections) with the audit trail on and off,
 * switched by a configuration drop-in ({@code portcullis.audit.enabled}, read at most once a second), in
 * alternating slices so a burst of load from elsewhere on the shared machine hits both alike. Each switch is
 * checked: a call with a known {@code X-Request-Id} is recorded with audit on and not with audit off. Runs only with
 * {@code -Dportcullis.benchmark=true}; the command is in src/docs/benchmarks.md.
 */
@EnabledIfSystemProperty(named = "portcullis.benchmark", matches = "true")
class AuditBenchmarkIT {

    private static final int THREADS = Integer.getInteger("portcullis.benchmark.threads", 4);
    private static final Duration SLICE =
            Duration.ofSeconds(Integer.getInteger("portcullis.benchmark.slice-seconds", 5));
    private static final int SLICES = Integer.getInteger("portcullis.benchmark.slices", 6);
    private static final Duration WARM_UP =
            Duration.ofSeconds(Integer.getInteger("portcullis.benchmark.warm-up-seconds", 60));
    private static final String CALL =
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"list_pets\","
                    + "\"arguments\":{},\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                    + "\"io.modelcontextprotocol/clientCapabilities\":{},\"io.modelcontextprotocol/clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}}";

    private final LibertyServer server = LibertyServer.current();
    private final URI base = server.baseUrl();
    private final SSLContext tls = Https.trustingServer(server);
    private final HttpClient http = HttpClient.newBuilder()
            .sslContext(tls)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final Path dropin = server.directory().resolve("configDropins/overrides/bench-audit.xml");

    @Test
    void toolsCallWithAuditOnAndOff() throws Exception {
        Files.createDirectories(dropin.getParent());
        try {
            benchmark();
        } finally {
            Files.deleteIfExists(dropin);
        }
    }

    private void benchmark() throws Exception {
        String accessToken = accessToken();
        byte[] request = KeepAliveConnection.request(
                "POST",
                base,
                "/mcp",
                "Authorization: Bearer " + accessToken
                        + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                        + "MCP-Protocol-Version: 2026-07-28\r\nMcp-Method: tools/call\r\nMcp-Name: list_pets\r\n",
                CALL);
        SteadyLoad calls = new SteadyLoad(THREADS, index -> {
            KeepAliveConnection connection = new KeepAliveConnection(tls, base);
            return new SteadyLoad.Worker() {
                @Override
                public boolean request(long n) throws Exception {
                    KeepAliveConnection.Response response = connection.exchange(request);
                    return response.status() == 200 && response.body().contains("\"pets\"");
                }

                @Override
                public void close() throws Exception {
                    connection.close();
                }
            };
        });
        audit(true, accessToken);
        calls.run(WARM_UP.dividedBy(2));
        audit(false, accessToken);
        calls.run(WARM_UP.dividedBy(2));
        List<SteadyLoad.Rate> on = new ArrayList<>();
        List<SteadyLoad.Rate> off = new ArrayList<>();
        for (int slice = 0; slice < SLICES; slice++) {
            boolean auditOn = slice % 2 == 0;
            audit(auditOn, accessToken);
            (auditOn ? on : off).add(calls.run(SLICE));
        }
        audit(true, accessToken);
        double onRate = rate(on);
        double offRate = rate(off);
        String line = String.format(
                java.util.Locale.ROOT,
                "%s audit tools/call: %d threads, %d slices of %d s: audit on %.0f/s,"
                        + " off %.0f/s, ratio %.3f (wrong answers: on %d, off %d)%n",
                java.time.Instant.now(),
                THREADS,
                SLICES,
                SLICE.toSeconds(),
                onRate,
                offRate,
                onRate / offRate,
                wrong(on),
                wrong(off));
        System.out.print(line);
        Files.writeString(
                Path.of("target/benchmark-results.txt"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertThat(wrong(on) + wrong(off)).as("unexpected answers").isZero();
    }

    /** Switches the audit trail and waits until a probe call shows the switch took effect. */
    private void audit(boolean enabled, String accessToken) throws Exception {
        Files.writeString(
                dropin, "<server><variable name=\"portcullis.audit.enabled\" value=\"" + enabled + "\"/></server>");
        for (int attempt = 0; attempt < 60; attempt++) {
            Thread.sleep(1_500);
            String probe = "bench-probe-" + UUID.randomUUID();
            HttpResponse<String> call = http.send(
                    HttpRequest.newBuilder(base.resolve("/mcp"))
                            .header("Authorization", "Bearer " + accessToken)
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json, text/event-stream")
                            .header("MCP-Protocol-Version", "2026-07-28")
                            .header("Mcp-Method", "tools/call")
                            .header("Mcp-Name", "list_pets")
                            .header("X-Request-Id", probe)
                            .POST(HttpRequest.BodyPublishers.ofString(CALL))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
            Thread.sleep(1_000);
            if (recorded(probe) == enabled) {
                return;
            }
        }
        throw new AssertionError("portcullis.audit.enabled=" + enabled + " did not take effect");
    }

    private boolean recorded(String requestId) throws Exception {
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(base.resolve("/oauth/admin/audit?request_id=" + requestId))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        "auditor:auditor-password".getBytes(StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return !jakarta.json.Json.createReader(new StringReader(page.body()))
                .readObject()
                .getJsonArray("records")
                .isEmpty();
    }

    private String accessToken() throws Exception {
        CodeFlowTokens.Family family = CodeFlowTokens.newFamily();
        HttpResponse<String> refreshed = http.send(
                HttpRequest.newBuilder(base.resolve("/oauth/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id="
                                + URLEncoder.encode(family.clientId(), StandardCharsets.UTF_8) + "&refresh_token="
                                + URLEncoder.encode(family.refreshToken(), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        return jakarta.json.Json.createReader(new StringReader(refreshed.body()))
                .readObject()
                .getString("access_token");
    }

    private static double rate(List<SteadyLoad.Rate> slices) {
        return slices.stream().mapToLong(SteadyLoad.Rate::ok).sum()
                / slices.stream().mapToDouble(SteadyLoad.Rate::seconds).sum();
    }

    private static long wrong(List<SteadyLoad.Rate> slices) {
        return slices.stream().mapToLong(SteadyLoad.Rate::wrong).sum();
    }
}
