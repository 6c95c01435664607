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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: a benchmark of RFC 7591 registrations per second over HTTPS on the build's Liberty and Derby, then a
 * read-back of every client (RFC 7592 GET) to prove none was lost. Runs only with {@code -Dportcullis.benchmark=true};
 * the command is in src/docs/benchmarks.md. Each registration has its own software_id, as distinct client
 * installations do; they all come from one address, so that command lifts the per-address rate limit.
 */
@EnabledIfSystemProperty(named = "portcullis.benchmark", matches = "true")
class RegistrationBenchmarkIT {

    private static final int THREADS = Integer.getInteger("portcullis.benchmark.threads", 16);
    private static final int COUNT = Integer.getInteger("portcullis.benchmark.count", 4000);
    /** Enough for the JIT to compile the server's request path: a freshly started Liberty is far slower at first. */
    private static final int WARM_UP = Integer.getInteger("portcullis.benchmark.warm-up", 6000);

    private final LibertyServer server = LibertyServer.current();
    /** HTTP/1.1 with a connection per thread, as independent clients would connect (not one multiplexed HTTP/2 link). */
    private final HttpClient http = HttpClient.newBuilder()
            .sslContext(Https.trustingServer(server))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    @Test
    void registrationsPerSecond() throws Exception {
        run("warm-up", "none", WARM_UP / 2);
        run("warm-up", "client_secret_basic", WARM_UP / 2);
        List<String> lines = new ArrayList<>();
        lines.add(run("public clients (token_endpoint_auth_method none)", "none", COUNT));
        lines.add(run("confidential clients (client_secret_basic, PBKDF2 secret hash)", "client_secret_basic", COUNT));
        Path out = Path.of("target", "benchmark-results.txt");
        Files.write(out, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        lines.forEach(System.out::println);
    }

    private String run(String label, String authMethod, int count) throws Exception {
        Map<String, String> tokens = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Integer>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            results.add(pool.submit(() -> register(authMethod, tokens)));
        }
        int created = 0;
        for (Future<Integer> result : results) {
            created += result.get(10, TimeUnit.MINUTES) == 201 ? 1 : 0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        assertThat(created).as("201 responses").isEqualTo(count);
        int found = readBack(tokens);
        assertThat(found).as("clients read back").isEqualTo(count);
        return String.format(
                "%s | %s | %d registrations, %d threads, %.1f s | %.0f registrations/s | %d/%d read back (none lost)",
                Instant.now(), label, count, THREADS, seconds, count / seconds, found, count);
    }

    private int register(String authMethod, Map<String, String> tokens) throws Exception {
        String body = "{\"software_id\":\"" + UUID.randomUUID() + "\",\"client_name\":\"Benchmark\","
                + "\"redirect_uris\":[\"http://127.0.0.1/callback\"],\"token_endpoint_auth_method\":\"" + authMethod
                + "\"}";
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(server.url("/oauth/register"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 201) {
            JsonObject client =
                    Json.createReader(new StringReader(response.body())).readObject();
            tokens.put(client.getString("client_id"), client.getString("registration_access_token"));
        }
        return response.statusCode();
    }

    private int readBack(Map<String, String> tokens) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Boolean>> reads = new ArrayList<>();
        tokens.forEach((id, token) -> reads.add(pool.submit(() -> http.send(
                                HttpRequest.newBuilder(server.url("/oauth/register/" + id))
                                        .header("Authorization", "Bearer " + token)
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                == 200)));
        int found = 0;
        for (Future<Boolean> read : reads) {
            found += read.get(10, TimeUnit.MINUTES) ? 1 : 0;
        }
        pool.shutdown();
        return found;
    }
}
