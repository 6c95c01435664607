package it.dev.portcullis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.LibertyServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: {@code client_credentials} access tokens per second over HTTPS from the token endpoint, with
 * {@code client_secret_basic} (the PBKDF2-hashed secret, remembered once verified). Runs only with
 * {@code -Dportcullis.benchmark=true}; the command is in src/docs/benchmarks.md. 64 confidential clients share the
 * load, as a fleet of services would, so the verified-secret cache is measured with more than one entry.
 */
@EnabledIfSystemProperty(named = "portcullis.benchmark", matches = "true")
class TokenBenchmarkIT {

    private static final int THREADS = Integer.getInteger("portcullis.benchmark.threads", 16);
    private static final int COUNT = Integer.getInteger("portcullis.benchmark.tokens", 20_000);
    private static final int WARM_UP = Integer.getInteger("portcullis.benchmark.token-warm-up", 20_000);
    private static final int CLIENTS = 64;

    private final LibertyServer server = LibertyServer.current();
    /** HTTP/1.1 with a connection per thread, as independent clients would connect. */
    private final HttpClient http = HttpClient.newBuilder().sslContext(Https.trustingServer(server))
            .version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void clientCredentialsTokensPerSecond() throws Exception {
        List<String> authorizations = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            authorizations.add(registerServiceClient());
        }
        run("warm-up", authorizations, WARM_UP);
        String line = run("client_credentials, client_secret_basic, " + CLIENTS + " clients", authorizations, COUNT);
        Files.write(Path.of("target", "benchmark-results.txt"), List.of(line), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println(line);
    }

    private String run(String label, List<String> authorizations, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Integer>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String authorization = authorizations.get(i % authorizations.size());
            results.add(pool.submit(() -> token(authorization)));
        }
        int ok = 0;
        for (Future<Integer> result : results) {
            ok += result.get(10, TimeUnit.MINUTES) == 200 ? 1 : 0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        assertThat(ok).as("200 responses").isEqualTo(count);
        return String.format("%s | %s | %d tokens, %d threads, %.1f s | %.0f tokens/s", Instant.now(), label, count, THREADS,
                seconds, count / seconds);
    }

    private int token(String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(server.url("/oauth/token")).header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=pets%3Aread")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String registerServiceClient() throws Exception {
        String body = "{\"software_id\":\"" + UUID.randomUUID() + "\",\"client_name\":\"Token benchmark\","
                + "\"token_endpoint_auth_method\":\"client_secret_basic\",\"grant_types\":[\"client_credentials\"]}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.url("/oauth/register"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonObject client = Json.createReader(new StringReader(response.body())).readObject();
        String pair = client.getString("client_id") + ":" + client.getString("client_secret");
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
