package it.dev.portcullis.bench;

import it.dev.portcullis.support.AppServer;
import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.LibertyServer;
import it.dev.portcullis.support.ServiceToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: the side-by-side benchmark of {@code tools/call} against the peers (src/docs/benchmarks.md, "Against
 * the peers"). In one run, on loopback, all over HTTPS with kept-alive connections, the same {@code echo} tool: Portcullis
 * on the conformance server (open and with a built-in-issuer ES256 token, both protocol eras), the bare JAX-RS echo
 * and the MicroProfile-JWT-only echo on the same Liberty, and the official Java SDK ({@link PeerServers}: stateless
 * servlet transport on Jetty 12) and TypeScript SDK (stateless Streamable HTTP on Node), each open and behind its
 * own verification of the same token on every request. Every target is warmed up in interleaved rounds, then
 * measured in interleaved slices (A B C … A B C …), each slice on fresh kept-alive connections opened before its
 * clock starts, with the lean load generator of the token benchmark ({@link KeepAliveConnection}). Writes
 * {@code peers.tsv}, {@code peers.md} and {@code peers.png} (gnuplot) into {@code it.bench.dir}. Runs only with
 * {@code -Dportcullis.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "portcullis.benchmark", matches = "true")
class PeerBenchmarkIT {

    private static final int[] CLIENTS = Arrays.stream(
                    System.getProperty("portcullis.benchmark.clients", "16,64").split(","))
            .mapToInt(c -> Integer.parseInt(c.trim()))
            .toArray();
    private static final int WARM_UP_ROUNDS = Integer.getInteger("portcullis.benchmark.warm-up-rounds", 3);
    private static final long WARM_UP_SECONDS = Long.getLong("portcullis.benchmark.warm-up-seconds", 8);
    private static final int SLICES = Integer.getInteger("portcullis.benchmark.slices", 4);
    private static final long SLICE_SECONDS = Long.getLong("portcullis.benchmark.slice-seconds", 3);
    /** Portcullis records every tools/call in its audit trail by default; false turns it off for the whole run. */
    private static final boolean AUDIT = Boolean.parseBoolean(System.getProperty("portcullis.benchmark.audit", "true"));

    private static final String CALL = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{"
            + "\"name\":\"echo\",\"arguments\":{\"text\":\"hello\"}%s}}";
    private static final String MODERN_META = ",\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";
    private static final String JSON =
            "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n";

    private final AppServer server = AppServer.current();
    private final SSLContext tls = Https.trustingServer(server);
    private final Path out = Path.of(System.getProperty("it.bench.dir", "target/bench"));

    /** One thing measured: where it is, the request sent, the text a correct answer contains, and what it does. */
    record Target(String name, String perRequest, URI origin, byte[] request, String expected) {}

    /** One target's samples over all slices of one client count. */
    static final class Samples {
        final List<long[]> latencies = new ArrayList<>();
        long errors;
        String firstError;
        String protocol;
        double seconds;
    }

    @Test
    void run() throws Exception {
        Files.createDirectories(out);
        Path dropin = ((LibertyServer) server).directory().resolve("configDropins/overrides/bench-peers-audit.xml");
        try {
            if (!AUDIT) {
                auditOff(dropin);
            }
            measure();
        } finally {
            Files.deleteIfExists(dropin);
        }
    }

    /**
     * Turns Portcullis's audit trail off through a configuration drop-in ({@code portcullis.audit.enabled}, read at
     * most once a second) and waits until Liberty has applied it.
     */
    private void auditOff(Path dropin) throws Exception {
        Path log = server.log();
        long before = Files.readAllLines(log).stream()
                .filter(l -> l.contains("CWWKG0017I"))
                .count();
        Files.createDirectories(dropin.getParent());
        Files.writeString(dropin, "<server><variable name=\"portcullis.audit.enabled\" value=\"false\"/></server>");
        for (int i = 0; i < 60; i++) {
            Thread.sleep(500);
            if (Files.readAllLines(log).stream()
                            .filter(l -> l.contains("CWWKG0017I"))
                            .count()
                    > before) {
                Thread.sleep(2_000); // the application reads the setting again at most once a second
                return;
            }
        }
        throw new AssertionError("the audit drop-in was not applied");
    }

    private void measure() throws Exception {
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        String token = ServiceToken.issue(server, "pets:read");
        Map<String, Object> claims = claims(token);
        String issuer = (String) claims.get("iss");
        String audience = (String) claims.get("aud");
        Path jwks = out.resolve("jwks.json");
        Files.writeString(jwks, get(server.url("/oauth/jwks")));
        try (PeerServers peers = PeerServers.start(server, out, jwks, issuer, audience)) {
            List<Target> targets = targets(token, peers);
            for (Target target : targets) {
                check(target);
            }
            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                for (Target target : targets) {
                    slice(target, CLIENTS[CLIENTS.length - 1], WARM_UP_SECONDS, new Samples());
                }
            }
            Map<Integer, List<Samples>> results = new LinkedHashMap<>();
            for (int clients : CLIENTS) {
                List<Samples> samples = new ArrayList<>();
                targets.forEach(t -> samples.add(new Samples()));
                for (int s = 0; s < SLICES; s++) {
                    for (int t = 0; t < targets.size(); t++) {
                        slice(targets.get(t), clients, SLICE_SECONDS, samples.get(t));
                    }
                }
                results.put(clients, samples);
            }
            String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
            new PeerReport(targets, results, peers.peakRss(), loadBefore, loadAfter, AUDIT).write(out);
        }
    }

    private List<Target> targets(String token, PeerServers peers) throws Exception {
        URI liberty = server.baseUrl();
        String bearer = "Authorization: Bearer " + token + "\r\n";
        String open = legacySession(null);
        String owned = legacySession(token);
        String legacy = "MCP-Protocol-Version: 2025-11-25\r\n";
        String modern = "MCP-Protocol-Version: 2026-07-28\r\nMcp-Method: tools/call\r\nMcp-Name: echo\r\n";
        String call = String.format(CALL, "");
        String modernCall = String.format(CALL, MODERN_META);
        String mcp = "\"hello\"";
        String tlsKeepAlive = "TLS 1.3, keep-alive";
        String jwt = ", ES256 JWT verified";
        String recorded = AUDIT ? ", audit record, metrics" : ", metrics";
        return List.of(
                target(
                        "bare JAX-RS echo (Liberty)",
                        tlsKeepAlive + ", JSON-P parse + write, no MCP",
                        liberty,
                        "/bench/echo",
                        JSON,
                        call,
                        "\"result\""),
                target(
                        "Portcullis, legacy 2025-11-25, session",
                        tlsKeepAlive + ", session lookup, MCP engine" + recorded,
                        liberty,
                        "/mcp",
                        JSON + legacy + "Mcp-Session-Id: " + open + "\r\n",
                        call,
                        mcp),
                target(
                        "Portcullis, modern 2026-07-28, stateless",
                        tlsKeepAlive + ", stateless, MCP engine" + recorded,
                        liberty,
                        "/mcp",
                        JSON + modern,
                        modernCall,
                        mcp),
                target(
                        "Java SDK " + PeerServers.JAVA_SDK + ", stateless servlet, Jetty " + PeerServers.JETTY,
                        tlsKeepAlive + ", stateless",
                        peers.java(),
                        "/mcp",
                        JSON + legacy,
                        call,
                        mcp),
                target(
                        "TypeScript SDK " + PeerServers.TS_SDK + ", stateless, Node " + PeerServers.NODE,
                        tlsKeepAlive + ", stateless, server + transport per request (SDK example)",
                        peers.node(),
                        "/mcp",
                        JSON + legacy,
                        call,
                        mcp),
                target(
                        "MP-JWT-only echo (Liberty mpJwt)",
                        tlsKeepAlive + jwt + " by mpJwt (cached per token), no MCP",
                        liberty,
                        "/bench/mcp-echo",
                        JSON + bearer,
                        call,
                        "\"result\""),
                target(
                        "Portcullis, legacy, session, token",
                        tlsKeepAlive + jwt + " by mpJwt, revocation check, " + "session owner check, MCP engine"
                                + recorded,
                        liberty,
                        "/mcp",
                        JSON + legacy + bearer + "Mcp-Session-Id: " + owned + "\r\n",
                        call,
                        mcp),
                target(
                        "Portcullis, modern, stateless, token",
                        tlsKeepAlive + jwt + " by mpJwt, revocation check, " + "MCP engine" + recorded,
                        liberty,
                        "/mcp",
                        JSON + modern + bearer,
                        modernCall,
                        mcp),
                target(
                        "Java SDK, stateless, Nimbus filter",
                        tlsKeepAlive + jwt + " by Nimbus JOSE+JWT " + PeerServers.NIMBUS + " (every request)",
                        peers.java(),
                        "/auth/mcp",
                        JSON + legacy + bearer,
                        call,
                        mcp),
                target(
                        "TypeScript SDK, stateless, requireBearerAuth",
                        tlsKeepAlive + jwt + " by jose " + PeerServers.JOSE + " (every request)",
                        peers.node(),
                        "/auth/mcp",
                        JSON + legacy + bearer,
                        call,
                        mcp));
    }

    private static Target target(
            String name, String perRequest, URI origin, String path, String headers, String body, String expected) {
        return new Target(
                name, perRequest, origin, KeepAliveConnection.request("POST", origin, path, headers, body), expected);
    }

    /** One call, which must be answered right, before anything is measured. */
    private void check(Target target) throws IOException {
        try (KeepAliveConnection connection = new KeepAliveConnection(tls, target.origin())) {
            if (!"TLSv1.3".equals(connection.protocol())) {
                throw new AssertionError(target.name() + " negotiated " + connection.protocol() + ", not TLSv1.3");
            }
            KeepAliveConnection.Response response = connection.exchange(target.request());
            if (response.status() != 200 || !response.body().contains(target.expected())) {
                throw new AssertionError(target.name() + ": " + response.status() + " " + response.body());
            }
        }
    }

    /**
     * {@code clients} workers, each on its own kept-alive TLS connection, opened before the slice's clock starts,
     * send back-to-back requests for {@code seconds}; latencies, errors and the negotiated protocol go to
     * {@code into}.
     */
    private void slice(Target target, int clients, long seconds, Samples into) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong end = new AtomicLong();
        long duration = seconds * 1_000_000_000L;
        CyclicBarrier start = new CyclicBarrier(clients, () -> end.set(System.nanoTime() + duration));
        try {
            List<Future<Samples>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> worker(target, start, end)));
            }
            for (Future<Samples> future : futures) {
                Samples worker = future.get();
                into.latencies.addAll(worker.latencies);
                into.errors += worker.errors;
                if (into.firstError == null) {
                    into.firstError = worker.firstError;
                }
                into.protocol = worker.protocol;
            }
            into.seconds += seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    private Samples worker(Target target, CyclicBarrier start, AtomicLong end) throws Exception {
        Samples samples = new Samples();
        KeepAliveConnection connection = new KeepAliveConnection(tls, target.origin());
        samples.protocol = connection.protocol();
        long[] latencies = new long[4096];
        int n = 0;
        start.await();
        try {
            for (long begin = System.nanoTime(); begin < end.get(); begin = System.nanoTime()) {
                try {
                    KeepAliveConnection.Response response = connection.exchange(target.request());
                    if (response.status() != 200 || !response.body().contains(target.expected())) {
                        error(samples, response.status() + " " + response.body());
                    }
                } catch (IOException e) {
                    error(samples, e.toString());
                    connection.close();
                    connection = new KeepAliveConnection(tls, target.origin());
                }
                if (n == latencies.length) {
                    latencies = Arrays.copyOf(latencies, n * 2);
                }
                latencies[n++] = System.nanoTime() - begin;
            }
        } finally {
            connection.close();
        }
        samples.latencies.add(Arrays.copyOf(latencies, n));
        return samples;
    }

    private static void error(Samples samples, String what) {
        samples.errors++;
        if (samples.firstError == null) {
            samples.firstError = what.length() > 300 ? what.substring(0, 300) : what;
        }
    }

    /** A legacy session; one opened with a token belongs to the token's subject and is used with it. */
    private String legacySession(String token) throws Exception {
        HttpRequest.Builder initialize = HttpRequest.newBuilder(server.url("/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\","
                        + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}"));
        if (token != null) {
            initialize.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = client().send(initialize.build(), HttpResponse.BodyHandlers.ofString());
        return response.headers()
                .firstValue("Mcp-Session-Id")
                .orElseThrow(() -> new AssertionError("no session: " + response.statusCode() + " " + response.body()));
    }

    private String get(URI uri) throws Exception {
        HttpResponse<String> response =
                client().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(uri + ": " + response.statusCode());
        }
        return response.body();
    }

    private HttpClient client() {
        return HttpClient.newBuilder()
                .sslContext(tls)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** The token's claims, read (not verified: the targets verify it) so the peers expect its issuer and audience. */
    private static Map<String, Object> claims(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(payload))) {
            var object = reader.readObject();
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", object.getString("iss"));
            var aud = object.get("aud");
            claims.put(
                    "aud",
                    aud.getValueType() == jakarta.json.JsonValue.ValueType.ARRAY
                            ? object.getJsonArray("aud").getString(0)
                            : object.getString("aud"));
            return claims;
        }
    }

    static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
