package it.dev.portcullis.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span;
import it.dev.portcullis.support.AlternateServer;
import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.MachineClientsFixture;
import it.dev.portcullis.support.McpHttp;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Telemetry seen with real tools against the second server, started with tracing on (OTLP/HTTP to a receiver in this
 * test), JSON logs with one access-log line per request, and /metrics open to the loopback Prometheus: the shared
 * server keeps Liberty's defaults (SDK disabled, SIMPLE logs), which the other tests read.
 */
class TelemetryIT {

    private static final String TOOL = "list_pets";

    private static OtlpReceiver receiver;
    private static AlternateServer server;
    private static Prometheus prometheus;
    private static String accessToken;

    @BeforeAll
    static void start() throws Exception {
        receiver = new OtlpReceiver();
        String base = "https://localhost:" + AlternateServer.HTTPS_PORT;
        Map<String, String> env = new HashMap<>();
        env.put("PORTCULLIS_ISSUER", base);
        env.put("PORTCULLIS_MCP_RESOURCE", base + "/mcp");
        // MicroProfile Telemetry: SDK on, spans over OTLP/HTTP protobuf to the loopback receiver, quickly batched.
        env.put("OTEL_SDK_DISABLED", "false");
        env.put("OTEL_SERVICE_NAME", "portcullis-it");
        env.put("OTEL_TRACES_EXPORTER", "otlp");
        env.put("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
        env.put("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", receiver.tracesEndpoint());
        env.put("OTEL_METRICS_EXPORTER", "none");
        env.put("OTEL_LOGS_EXPORTER", "none");
        env.put("OTEL_BSP_SCHEDULE_DELAY", "200");
        env.put("PORTCULLIS_METRICS_AUTHENTICATION", "false");
        env.put("PORTCULLIS_LOG_FORMAT", "JSON");
        env.put("PORTCULLIS_LOG_ACCESS", "true");
        server = new AlternateServer().start(env);
        Https.client(); // writes the server certificate's PEM for Prometheus
        prometheus = new Prometheus(
                Path.of("target", "prometheus-" + System.nanoTime()),
                AlternateServer.HTTPS_PORT,
                Path.of(System.getProperty("it.server.certificate.pem")));
        accessToken = token("pets:read");
    }

    @AfterAll
    static void stop() throws Exception {
        try (OtlpReceiver r = receiver;
                AlternateServer s = server;
                Prometheus p = prometheus) {
            // closed in reverse order
        }
    }

    private static String token(String scope) throws Exception {
        MachineClientsFixture client = MachineClientsFixture.SERVICE;
        String basic = Base64.getEncoder()
                .encodeToString((client.clientId() + ":" + client.secret()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = Https.client()
                .send(
                        HttpRequest.newBuilder(server.url("/oauth/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Authorization", "Basic " + basic)
                                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                                        + URLEncoder.encode(scope, StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return json(token.body()).getString("access_token");
    }

    private static McpHttp.Answer callTool(String tool) throws Exception {
        return McpHttp.to(server.url("/mcp"))
                .header("Authorization", "Bearer " + accessToken)
                .modern("tools/call", tool, "{\"name\":\"" + tool + "\",\"arguments\":{}}");
    }

    @Test
    void oneToolCallIsOneTraceFromTheHttpSpanThroughTheDispatcherToTheToolBean() throws Exception {
        McpHttp.Answer answer = callTool(TOOL);
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(200);

        Span tool = receiver.await(span -> span.getName().equals("mcp tool " + TOOL), Duration.ofSeconds(30));
        assertThat(tool)
                .as("the tool bean's span; received: %s; unreadable: %s", names(receiver.spans()), receiver.failures())
                .isNotNull();
        List<Span> trace = receiver.trace(tool.getTraceId());
        Map<com.google.protobuf.ByteString, Span> byId =
                trace.stream().collect(Collectors.toMap(Span::getSpanId, span -> span, (a, b) -> a));

        Span dispatcher = byId.get(tool.getParentSpanId());
        assertThat(dispatcher)
                .as("the tool span's parent in trace %s", names(trace))
                .isNotNull();
        assertThat(dispatcher.getName()).isEqualTo("mcp tools/call");
        assertThat(OtlpReceiver.attribute(dispatcher, "rpc.system")).isEqualTo("jsonrpc");
        assertThat(OtlpReceiver.attribute(dispatcher, "rpc.method")).isEqualTo("tools/call");
        assertThat(OtlpReceiver.attribute(dispatcher, "mcp.tool.name")).isEqualTo(TOOL);
        assertThat(OtlpReceiver.attribute(dispatcher, "oauth.client_id"))
                .isEqualTo(MachineClientsFixture.SERVICE.clientId());

        // Up from the dispatcher: the server's span of the HTTP request (JAX-RS, POST /mcp) is the trace's root.
        Span http = dispatcher;
        while (byId.containsKey(http.getParentSpanId())) {
            http = byId.get(http.getParentSpanId());
        }
        assertThat(http.getParentSpanId().isEmpty())
                .as("the root span %s has no parent", http.getName())
                .isTrue();
        assertThat(http.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
        assertThat(http.getName()).contains("/mcp");
        assertThat(http).isNotSameAs(dispatcher);
        assertNoSecretIn(trace);
    }

    @Test
    void theTokenEndpointsSpanNamesTheClientAndGrantButNoCredential() throws Exception {
        String issued = token("pets:read");
        Span token = receiver.await(
                span -> MachineClientsFixture.SERVICE.clientId().equals(OtlpReceiver.attribute(span, "oauth.client_id"))
                        && span.getName().contains("/oauth/token"),
                Duration.ofSeconds(30));
        assertThat(token)
                .as(
                        "the token endpoint's span; received: %s; unreadable: %s",
                        names(receiver.spans()), receiver.failures())
                .isNotNull();
        assertThat(token.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
        assertThat(OtlpReceiver.attribute(token, "oauth.grant_type")).isEqualTo("client_credentials");
        assertThat(receiver.spans().toString()).doesNotContain(issued, MachineClientsFixture.SERVICE.secret());
    }

    @Test
    void prometheusScrapesRequestErrorTokenAndRegistrationSeries() throws Exception {
        // Twice: the second call counts on the handles the first one left cached (MicroProfileMetrics).
        assertThat(callTool(TOOL).status()).isEqualTo(200);
        assertThat(callTool(TOOL).status()).isEqualTo(200);
        assertThat(callTool("no_such_tool").errorCode()).isEqualTo(-32602);
        // refused before the dispatcher: no token (401), an unknown legacy session (404), a missing scope (403)
        assertThat(McpHttp.to(server.url("/mcp"))
                        .post(McpHttp.request("ping", "{}"))
                        .status())
                .isEqualTo(401);
        assertThat(McpHttp.to(server.url("/mcp"))
                        .header("Authorization", "Bearer " + accessToken)
                        .header("Mcp-Session-Id", "no-such-session")
                        .header("MCP-Protocol-Version", McpHttp.LEGACY)
                        .post(McpHttp.request("ping", "{}"))
                        .status())
                .isEqualTo(404);
        assertThat(McpHttp.to(server.url("/mcp"))
                        .header("Authorization", "Bearer " + accessToken)
                        .modern(
                                "tools/call",
                                "add_pet",
                                "{\"name\":\"add_pet\",\"arguments\":{\"name\":\"Rex\",\"species\":\"dog\"}}")
                        .status())
                .as("the token has pets:read only")
                .isEqualTo(403);
        HttpResponse<String> registered = Https.client()
                .send(
                        HttpRequest.newBuilder(server.url("/oauth/register"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"client_name\":\"telemetry-it\",\"redirect_uris\":[\"http://127.0.0.1:43210/callback\"],"
                                                + "\"token_endpoint_auth_method\":\"none\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        Files.writeString(
                Path.of("target", "telemetry-it-metrics.txt"),
                Https.client()
                        .send(
                                HttpRequest.newBuilder(server.url("/metrics")).build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());

        Duration scrape = Duration.ofSeconds(30);
        assertThat(value(prometheus.await(
                        "portcullis_mcp_requests_total{method=\"tools/call\",tool=\"" + TOOL + "\"} >= 2", scrape)))
                .as(prometheus.targets())
                .isPresent();
        assertThat(value(prometheus.await(
                        "portcullis_mcp_errors_total{method=\"tools/call\",tool=\"(unknown)\","
                                + "code=\"-32602\"} >= 1",
                        scrape)))
                .isPresent();
        assertThat(value(prometheus.await(
                        "portcullis_mcp_request_duration_seconds_count{method=\"tools/call\",tool=\"" + TOOL
                                + "\"} >= 2",
                        scrape)))
                .isPresent();
        assertThat(value(prometheus.await(
                        "portcullis_mcp_refused_total{reason=\"no_token\",status=\"401\"} >= 1", scrape)))
                .as("refused before the dispatcher, per reason")
                .isPresent();
        assertThat(value(prometheus.await(
                        "portcullis_mcp_refused_total{reason=\"session_not_found\",status=\"404\"} >= 1", scrape)))
                .isPresent();
        assertThat(value(prometheus.await(
                        "portcullis_mcp_refused_total{reason=\"insufficient_scope\",status=\"403\"} >= 1", scrape)))
                .isPresent();
        assertThat(value(prometheus.await(
                        "portcullis_oauth_tokens_issued_total{grant_type=\"client_credentials\"} >= 1", scrape)))
                .isPresent();
        assertThat(value(
                        prometheus.await("portcullis_oauth_tokens_issued_total{grant_type=\"refresh_token\"}", scrape)))
                .isPresent();
        assertThat(value(prometheus.await("portcullis_oauth_registrations_total >= 1", scrape)))
                .isPresent();
        assertThat(value(prometheus.await("portcullis_oauth_refresh_replays_total", scrape)))
                .isPresent();
        // The audit trail's queue (h-audit's AuditQueueStats): gauges, read at each scrape.
        assertThat(value(prometheus.await("portcullis_audit_queue_depth", scrape)))
                .isPresent();
        assertThat(value(prometheus.await("portcullis_audit_dropped", scrape))).contains("0");
        assertThat(value(prometheus.await("portcullis_audit_written >= 1", scrape)))
                .isPresent();
        assertThat(value(prometheus.await("portcullis_audit_login_failures_suppressed", scrape)))
                .isPresent();
    }

    @Test
    void theJsonLogHasOneAccessLineForTheRequestWithItsRequestId() throws Exception {
        McpHttp.Answer answer = callTool(TOOL);
        String requestId =
                answer.response().headers().firstValue("X-Request-Id").orElse(null);
        assertThat(requestId).as("X-Request-Id of the response").isNotBlank();
        Path log = server.directory().resolve("logs/messages.log");
        List<JsonObject> lines = List.of();
        for (int i = 0; i < 40 && lines.isEmpty(); i++) {
            Thread.sleep(250);
            lines = Files.readAllLines(log).stream()
                    .filter(line -> line.contains(requestId))
                    .map(TelemetryIT::json)
                    .filter(line -> "liberty_accesslog".equals(line.getString("type", "")))
                    .toList();
        }
        assertThat(lines)
                .as("access-log lines of messages.log carrying %s", requestId)
                .hasSize(1);
        JsonObject line = lines.get(0);
        assertThat(line.toString()).contains("\"/mcp\"", "\"POST\"").doesNotContain(accessToken);
        assertThat(Files.readString(log)).doesNotContain(accessToken);
    }

    private static void assertNoSecretIn(List<Span> trace) {
        assertThat(trace.toString()).doesNotContain(accessToken, "Bearer", MachineClientsFixture.SERVICE.secret());
    }

    private static Optional<String> value(JsonArray vector) {
        return vector.isEmpty()
                ? Optional.empty()
                : Optional.of(vector.getJsonObject(0).getJsonArray("value").getString(1));
    }

    private static List<String> names(List<Span> spans) {
        return spans.stream().map(Span::getName).toList();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
