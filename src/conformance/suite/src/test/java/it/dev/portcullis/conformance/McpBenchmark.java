package it.dev.portcullis.conformance;

import it.dev.portcullis.support.AppServer;
import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.ServiceToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Not a test: a load benchmark, run on demand against the conformance server (see src/docs/benchmarks.md). It measures,
 * in one run on the same server, a bare JAX-RS JSON echo and {@code tools/call} of a trivial tool in both eras, with
 * 1 to 64 concurrent clients, both without a token (the server's {@code /mcp} is open) and with a bearer token
 * from the built-in authorization server, which MicroProfile JWT and the resource server then validate on every
 * request; and the echo again behind MicroProfile JWT alone, with the same token, which shows what the container's
 * token authentication costs without any MCP or resource-server code. It writes requests/s and p50/p99 latencies
 * to {@code target/benchmark.md}. All targets
 * are warmed up before any is measured, and within each client count they are measured in interleaved slices.
 */
class McpBenchmark {

    private static final int[] CLIENTS = {1, 4, 16, 64};
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup.seconds", 3));
    private static final int ROUNDS = 4;
    private static final int INITIAL_WARMUP_ROUNDS = Integer.getInteger("bench.initial-warmup.rounds", 2);
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.measure.seconds", 8));
    private static final String CALL = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{"
            + "\"name\":\"test_simple_text\",\"arguments\":{}%s}}";
    private static final String MODERN_META = ",\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

    private final AppServer server = AppServer.current();
    private final HttpClient client = HttpClient.newBuilder()
            .sslContext(Https.trustingServer(server))
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newCachedThreadPool())
            .build();

    @Test
    void run() throws Exception {
        String token = "Bearer " + ServiceToken.issue(server, "pets:read");
        String session = legacySession(null);
        String tokenSession = legacySession(token);
        List<String> rows = new ArrayList<>();
        rows.add("| clients | target | requests/s | p50 ms | p99 ms | vs echo |");
        rows.add("|---:|---|---:|---:|---:|---|");
        // Every target is warmed up before any is measured, so that none pays for the JIT in a measured cell.
        List<Supplier<Long>> targets = List.of(
                () -> post(server.url("/bench/echo"), String.format(CALL, ""), null, false, null),
                () -> post(server.url("/mcp"), String.format(CALL, ""), session, false, null),
                () -> post(server.url("/mcp"), String.format(CALL, MODERN_META), null, true, null),
                () -> post(server.url("/mcp"), String.format(CALL, ""), tokenSession, false, token),
                () -> post(server.url("/mcp"), String.format(CALL, MODERN_META), null, true, token),
                () -> post(server.url("/bench/mcp-echo"), String.format(CALL, ""), null, false, token));
        for (int round = 0; round < INITIAL_WARMUP_ROUNDS; round++) {
            for (Supplier<Long> target : targets) {
                measure(16, target);
            }
        }
        for (int clients : CLIENTS) {
            List<Result> results = measureInterleaved(clients, targets);
            Result echo = results.get(0);
            Result legacy = results.get(1);
            Result modern = results.get(2);
            rows.add(echo.row(clients, "bare JAX-RS echo") + " | |");
            rows.add(legacy.row(clients, "MCP tools/call, legacy session") + ratio(legacy, echo));
            rows.add(modern.row(clients, "MCP tools/call, modern (stateless)") + ratio(modern, echo));
            rows.add(results.get(3).row(clients, "MCP tools/call, legacy session, bearer token")
                    + ratio(results.get(3), echo));
            rows.add(results.get(4).row(clients, "MCP tools/call, modern, bearer token") + ratio(results.get(4), echo));
            rows.add(results.get(5).row(clients, "bare JAX-RS echo, bearer token (MP JWT only)")
                    + ratio(results.get(5), echo));
        }
        String table = String.join("\n", rows) + "\n";
        Files.writeString(Path.of("target", "benchmark.md"), table);
        System.out.println(table);
    }

    /** A legacy session; one opened with a token belongs to the token's subject and is used with it. */
    private String legacySession(String authorization) throws Exception {
        HttpRequest.Builder initialize = request(
                server.url("/mcp"),
                "{\"jsonrpc\":\"2.0\",\"id\":0,"
                        + "\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}");
        if (authorization != null) {
            initialize.header("Authorization", authorization);
        }
        HttpResponse<String> response = client.send(initialize.build(), HttpResponse.BodyHandlers.ofString());
        return response.headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    private HttpRequest.Builder request(URI uri, String body) {
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private Long post(URI uri, String body, String session, boolean modern, String authorization) {
        HttpRequest.Builder request = request(uri, body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (session != null) {
            request.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-11-25");
        }
        if (modern) {
            request.header("MCP-Protocol-Version", "2026-07-28")
                    .header("Mcp-Method", "tools/call")
                    .header("Mcp-Name", "test_simple_text");
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().contains("\"result\"")) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return System.nanoTime() - start;
    }

    /**
     * Measures the targets side by side: each is warmed up, then they take turns in {@value #ROUNDS} slices of
     * {@code MEASURE / ROUNDS}, so that a burst of load from elsewhere on the machine hits all of them alike.
     */
    private List<Result> measureInterleaved(int clients, List<Supplier<Long>> targets) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<List<long[]>> samples = new ArrayList<>();
            for (Supplier<Long> target : targets) {
                run(pool, clients, target, WARMUP);
                samples.add(new ArrayList<>());
            }
            Duration slice = MEASURE.dividedBy(ROUNDS);
            for (int round = 0; round < ROUNDS; round++) {
                for (int t = 0; t < targets.size(); t++) {
                    samples.get(t).addAll(run(pool, clients, targets.get(t), slice));
                }
            }
            List<Result> results = new ArrayList<>();
            for (List<long[]> target : samples) {
                long[] all =
                        target.stream().flatMapToLong(Arrays::stream).sorted().toArray();
                results.add(new Result(
                        all.length / (slice.toMillis() * ROUNDS / 1000.0),
                        all[all.length / 2] / 1e6,
                        all[(int) (all.length * 0.99)] / 1e6));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private Result measure(int clients, Supplier<Long> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            run(pool, clients, call, WARMUP);
            List<long[]> samples = run(pool, clients, call, MEASURE);
            long[] all = samples.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Result(
                    all.length / (double) MEASURE.toSeconds(),
                    all[all.length / 2] / 1e6,
                    all[(int) (all.length * 0.99)] / 1e6);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<long[]> run(ExecutorService pool, int clients, Supplier<Long> call, Duration duration)
            throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1024];
                int n = 0;
                while (System.nanoTime() < end) {
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = call.get();
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> results = new ArrayList<>();
        for (Future<long[]> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    private static String ratio(Result mcp, Result echo) {
        return String.format(
                Locale.ROOT, " | %.0f%% throughput, p99 %.2fx |", 100 * mcp.rps / echo.rps, mcp.p99 / echo.p99);
    }

    private record Result(double rps, double p50, double p99) {
        String row(int clients, String target) {
            return String.format(Locale.ROOT, "| %d | %s | %.0f | %.2f | %.2f", clients, target, rps, p50, p99);
        }
    }
}
