package it.dev.portcullis.telemetry;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real Prometheus (Debian's {@code prometheus} package, {@code /usr/bin/prometheus}) on loopback, scraping one
 * HTTPS target every second with the server's certificate as its only trust anchor; asked through its HTTP API
 * ({@code /api/v1/query}).
 *
 * @see <a href="https://prometheus.io/docs/prometheus/2.42/querying/api/">Prometheus HTTP API</a>
 */
final class Prometheus implements AutoCloseable {

    static final Path BINARY = Path.of(System.getProperty("it.prometheus.binary", "/usr/bin/prometheus"));

    private final Process process;
    private final int port;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Starts scraping {@code https://localhost:<targetPort>/metrics}, trusting {@code caFile}. */
    Prometheus(Path workDir, int targetPort, Path caFile) throws Exception {
        Files.createDirectories(workDir);
        Path config = workDir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                  - job_name: portcullis
                    scheme: https
                    metrics_path: /metrics
                    tls_config:
                      ca_file: %s
                      server_name: localhost
                    static_configs:
                      - targets: ['localhost:%d']
                """.formatted(caFile.toAbsolutePath(), targetPort));
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        process = new ProcessBuilder(
                        BINARY.toString(),
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + workDir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("prometheus.log").toFile())
                .start();
        awaitReady();
    }

    private void awaitReady() throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("prometheus exited with " + process.exitValue());
            }
            try {
                if (get("/-/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("prometheus was not ready within 30 s");
    }

    /** The result vector of an instant query. */
    JsonArray query(String promql) throws Exception {
        HttpResponse<String> answer = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        JsonObject body = Json.createReader(new StringReader(answer.body())).readObject();
        if (!"success".equals(body.getString("status"))) {
            throw new AssertionError("query " + promql + " failed: " + answer.body());
        }
        return body.getJsonObject("data").getJsonArray("result");
    }

    /** Polls {@code promql} until its vector is not empty; returns it, or the last empty one after {@code timeout}. */
    JsonArray await(String promql, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        JsonArray result = query(promql);
        while (result.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            result = query(promql);
        }
        return result;
    }

    /** What Prometheus knows about its target (health, last error), for failure messages. */
    String targets() throws Exception {
        return get("/api/v1/targets").body();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
