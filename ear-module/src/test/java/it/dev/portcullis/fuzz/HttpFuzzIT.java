package it.dev.portcullis.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.LibertyServer;
import it.dev.portcullis.support.RawHttps;
import it.dev.portcullis.support.ServerLog;
import it.dev.portcullis.support.ServiceToken;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * The HTTP-level fuzzer: {@code it.fuzz.inputs} generated requests (default 2,000; the long run is 100,000, see
 * src/docs/limits.md) against {@code /mcp}, {@code /oauth/register}, {@code /oauth/token} and
 * {@code /oauth/revoke}. Bodies are mutations of the official MCP schema examples and of valid OAuth forms
 * (bit flips, cut and spliced ranges, deep nesting, huge values, bad UTF-8, bad percent-encoding); headers are
 * mutated too (content types, charsets, versions, session ids, authorization), and a share of requests goes over
 * a raw socket with broken framing: truncated bodies, lying lengths, header bytes that are not ASCII. The goal:
 * no 5xx, no stack trace in messages.log since the run started, and the server still ready. The run is seeded
 * ({@code it.fuzz.seed}), so a failure repeats.
 */
class HttpFuzzIT {

    private static final int INPUTS = Integer.getInteger("it.fuzz.inputs", 2_000);
    private static final long SEED = Long.getLong("it.fuzz.seed", 20_261_206L);
    private static final int THREADS = Integer.getInteger("it.fuzz.threads", 4);
    private static final String[] TARGETS = {
        "/mcp",
        "/mcp",
        "/mcp",
        "/mcp",
        "/oauth/register",
        "/oauth/register",
        "/oauth/token",
        "/oauth/token",
        "/oauth/revoke"
    };
    private static final String[] FORM_SEEDS = {
        "grant_type=client_credentials&scope=pets%3Aread",
        "grant_type=authorization_code&code=abc&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fcb&code_verifier="
                + "a".repeat(43) + "&client_id=x&resource=https%3A%2F%2Flocalhost%2Fmcp",
        "grant_type=refresh_token&refresh_token=abc.def&client_id=x&scope=pets%3Aread+pets%3Awrite",
        "token=abc&token_type_hint=refresh_token",
        "token=abc&token_type_hint=access_token&client_id=x&client_secret=y"
    };
    private static final String[] REGISTER_SEEDS = {
        "{\"client_name\":\"fuzz\",\"redirect_uris\":[\"http://127.0.0.1:8080/cb\"],\"grant_types\":[\"authorization_code\"],"
                + "\"token_endpoint_auth_method\":\"none\",\"scope\":\"pets:read\"}",
        "{\"client_name\":\"fuzz\",\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":"
                + "\"client_secret_basic\",\"software_id\":\"fuzz\",\"software_version\":\"1\"}",
        "{\"client_name\":\"fuzz\",\"redirect_uris\":[\"com.example.app:/cb\"],\"application_type\":\"native\","
                + "\"response_types\":[\"code\"],\"client_uri\":\"https://example.com\",\"logo_uri\":\"https://example.com/l.png\"}"
    };
    private static final String[] CONTENT_TYPES = {
        "application/json",
        "application/json; charset=utf-8",
        "application/json; charset=utf-16",
        "application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded; charset=ISO-8859-1",
        "text/plain",
        "multipart/form-data; boundary=x",
        "application/*",
        "*/*",
        "application/json;;;",
        "a/b/c",
        ""
    };
    private static final String[] ACCEPTS = {
        "application/json, text/event-stream",
        "application/json",
        "text/event-stream",
        "*/*",
        "text/html",
        "application/json;q=0, text/event-stream;q=0",
        ""
    };
    private static final String[] VERSIONS = {
        "2026-07-28", "2025-11-25", "2025-06-18", "2024-11-05", "9999-99-99", "", "2026-07-28, 2025-11-25"
    };

    private final LibertyServer server = LibertyServer.current();
    private final HttpClient client = HttpClient.newBuilder()
            .sslContext(Https.trustingServer(server))
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Test
    void generatedInputsGetNo5xxNoStackTraceAndTheServerStaysReady() throws Exception {
        String token = ServiceToken.of(server, "pets:read pets:write");
        List<byte[]> mcpSeeds = mcpSeeds();
        ServerLog log = ServerLog.markEnd(server);
        Map<String, String> failures = new ConcurrentHashMap<>();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < INPUTS && failures.size() < 20; ) {
                    if (i > 0 && i % 10_000 == 0) {
                        System.out.printf("HttpFuzzIT: %,d inputs sent, %d with a 5xx%n", i, failures.size());
                    }
                    Random random = new Random(SEED * 31 + i);
                    String description = "input " + i + " (seed " + SEED + ")";
                    try {
                        int status = send(random, token, mcpSeeds, description);
                        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                        if (status >= 500) {
                            failures.put(description, "HTTP " + status);
                        }
                    } catch (IOException | RuntimeException e) {
                        statuses.computeIfAbsent(-1, s -> new LongAdder()).increment(); // connection refused or reset
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(2, TimeUnit.HOURS)).isTrue();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "HttpFuzzIT: %,d inputs in %.1f s (%.0f/s), seed %d, statuses %s%n",
                INPUTS, seconds, INPUTS / seconds, SEED, new java.util.TreeMap<>(statuses));

        assertThat(failures).as("inputs answered with a 5xx").isEmpty();
        assertThat(log.stackTraceLines())
                .as("stack-trace lines in messages.log since the run started")
                .isEmpty();
        HttpResponse<String> ready = client.send(
                HttpRequest.newBuilder(server.url("/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).as("/health/ready after the run").isEqualTo(200);
        assertThat(ready.body()).contains("UP");
    }

    /** One generated request; its HTTP status, or -1 when the server closed without an answer. */
    private int send(Random random, String token, List<byte[]> mcpSeeds, String description)
            throws IOException, InterruptedException {
        String target = TARGETS[random.nextInt(TARGETS.length)];
        byte[] body = switch (target) {
            case "/mcp" -> mutate(random, pick(random, mcpSeeds), mcpSeeds);
            case "/oauth/register" ->
                mutate(
                        random,
                        REGISTER_SEEDS[random.nextInt(REGISTER_SEEDS.length)].getBytes(StandardCharsets.UTF_8),
                        mcpSeeds);
            default -> mutateForm(random, FORM_SEEDS[random.nextInt(FORM_SEEDS.length)]);
        };
        String contentType = random.nextInt(4) == 0
                ? CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)]
                : target.startsWith("/oauth/t") || target.startsWith("/oauth/rev")
                        ? "application/x-www-form-urlencoded"
                        : "application/json";
        String authorization = authorization(random, target, token);
        if (random.nextInt(10) == 0) {
            return RawHttps.status(RawHttps.exchange(
                    server, rawRequest(random, target, contentType, authorization, body), 5_000, true));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url(target))
                .timeout(Duration.ofSeconds(30))
                .method(
                        random.nextInt(20) == 0 ? pick(random, List.of("PUT", "DELETE", "PATCH", "GET")) : "POST",
                        HttpRequest.BodyPublishers.ofByteArray(body));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (target.equals("/mcp")) {
            header(request, "Accept", random.nextInt(5) == 0 ? ACCEPTS[random.nextInt(ACCEPTS.length)] : ACCEPTS[0]);
            header(request, "MCP-Protocol-Version", VERSIONS[random.nextInt(VERSIONS.length)]);
            if (random.nextInt(4) == 0) {
                header(request, "Mcp-Session-Id", printable(random, random.nextInt(80)));
            }
            if (random.nextInt(3) == 0) {
                header(
                        request,
                        "Mcp-Method",
                        pick(random, List.of("tools/call", "tools/list", "initialize", "ping", printable(random, 12))));
                header(request, "Mcp-Name", printable(random, random.nextInt(40)));
            }
            if (random.nextInt(6) == 0) {
                header(
                        request,
                        "Mcp-Param-" + printable(random, 6).replaceAll("[^A-Za-z0-9-]", "x"),
                        printable(random, random.nextInt(60)));
            }
            if (random.nextInt(6) == 0) {
                header(
                        request,
                        "Origin",
                        pick(
                                random,
                                List.of(
                                        "https://evil.example.com",
                                        "null",
                                        "http://localhost:1",
                                        printable(random, 20))));
            }
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String authorization(Random random, String target, String token) {
        int choice = random.nextInt(8);
        if (target.equals("/mcp") && choice < 5) {
            return "Bearer " + token;
        }
        return switch (choice) {
            case 5 -> "Bearer " + printable(random, random.nextInt(200));
            case 6 -> "Basic " + printable(random, random.nextInt(60));
            case 7 -> printable(random, random.nextInt(30));
            default -> null;
        };
    }

    /** A request over a raw socket: truncated or lying bodies, non-ASCII header bytes, odd framing. */
    private byte[] rawRequest(Random random, String target, String contentType, String authorization, byte[] body) {
        StringBuilder head = new StringBuilder("POST " + target + " HTTP/1.1\nHost: localhost\n");
        if (!contentType.isEmpty()) {
            head.append("Content-Type: ").append(contentType).append('\n');
        }
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append('\n');
        }
        if (target.equals("/mcp")) {
            head.append("Accept: application/json, text/event-stream\nMCP-Protocol-Version: 2025-11-25\n");
        }
        byte[] sent = body;
        switch (random.nextInt(5)) {
            case 0 -> { // truncated: the declared length is larger than what follows, then the client closes
                head.append("Content-Length: ")
                        .append(body.length + 1 + random.nextInt(1000))
                        .append('\n');
            }
            case 1 -> { // a header value with bytes that are not ASCII (and not UTF-8)
                head.append("Content-Length: ").append(body.length).append('\n').append("X-Fuzz: \u00ff\u00fe\u0080\n");
            }
            case 2 -> { // chunked, with a chunk size that lies
                head.append("Transfer-Encoding: chunked\n");
                sent = (Integer.toHexString(body.length + random.nextInt(50)) + "\r\n"
                                + new String(body, StandardCharsets.ISO_8859_1) + "\r\n0\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
            case 3 -> { // a length that is not a number
                head.append("Content-Length: ")
                        .append(pick(random, List.of("-1", "abc", "99999999999999999999", "1 1")))
                        .append('\n');
            }
            default -> head.append("Content-Length: ").append(body.length).append('\n');
        }
        return RawHttps.request(head.toString().stripTrailing(), sent);
    }

    private static void header(HttpRequest.Builder request, String name, String value) {
        if (!value.isEmpty()) {
            request.header(name, value);
        }
    }

    private static byte[] mutate(Random random, byte[] seed, List<byte[]> others) {
        byte[] bytes = seed.clone();
        int rounds = 1 + random.nextInt(4);
        for (int r = 0; r < rounds; r++) {
            bytes = switch (random.nextInt(12)) {
                case 0 -> flip(random, bytes);
                case 1 -> insert(random, bytes, new byte[] {(byte) random.nextInt(256)});
                case 2 -> cut(random, bytes);
                case 3 -> truncate(random, bytes);
                case 4 -> splice(random, bytes, pick(random, others));
                case 5 ->
                    insert(random, bytes, ("[".repeat(1 + random.nextInt(5000))).getBytes(StandardCharsets.US_ASCII));
                case 6 ->
                    insert(
                            random,
                            bytes,
                            ("\"" + "x".repeat(random.nextInt(200_000)) + "\"").getBytes(StandardCharsets.US_ASCII));
                case 7 -> insert(random, bytes, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xF0, (byte) 0x9F});
                case 8 ->
                    insert(
                            random,
                            bytes,
                            pick(
                                            random,
                                            List.of(
                                                    "1e999999",
                                                    "-0",
                                                    "1.5e-400",
                                                    "18446744073709551616",
                                                    "null",
                                                    "{}",
                                                    "[]",
                                                    "\"\\ud800\"",
                                                    "\"\\u0000\"",
                                                    "true",
                                                    ",",
                                                    ":",
                                                    "}",
                                                    "]"))
                                    .getBytes(StandardCharsets.UTF_8));
                case 9 -> replaceValue(random, bytes);
                case 10 -> repeat(random, bytes);
                default -> bytes;
            };
        }
        return bytes;
    }

    private static byte[] mutateForm(Random random, String seed) {
        String form = seed;
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            form = switch (random.nextInt(8)) {
                case 0 -> form + "&" + form;
                case 1 ->
                    form + "&"
                            + pick(
                                    random,
                                    List.of(
                                            "%",
                                            "%zz",
                                            "%u0041",
                                            "=",
                                            "&&&",
                                            "a=%C3%28",
                                            "resource=",
                                            "grant_type=",
                                            "scope=" + "%20".repeat(500)));
                case 2 -> form.substring(0, random.nextInt(form.length() + 1));
                case 3 -> form.replace("=", "=" + printable(random, random.nextInt(300)));
                case 4 -> form + "&x=" + "y".repeat(random.nextInt(40_000));
                case 5 ->
                    new String(flip(random, form.getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1);
                case 6 -> form.replace("&", "&" + printable(random, 3) + "=");
                default -> form;
            };
        }
        return form.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] flip(Random random, byte[] bytes) {
        if (bytes.length == 0) {
            return bytes;
        }
        byte[] copy = bytes.clone();
        copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        return copy;
    }

    private static byte[] insert(Random random, byte[] bytes, byte[] inserted) {
        int at = random.nextInt(bytes.length + 1);
        byte[] result = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(bytes, at, result, at + inserted.length, bytes.length - at);
        return result;
    }

    private static byte[] cut(Random random, byte[] bytes) {
        if (bytes.length < 2) {
            return bytes;
        }
        int from = random.nextInt(bytes.length);
        int to = from + random.nextInt(Math.min(bytes.length - from, 64) + 1);
        byte[] result = new byte[bytes.length - (to - from)];
        System.arraycopy(bytes, 0, result, 0, from);
        System.arraycopy(bytes, to, result, from, bytes.length - to);
        return result;
    }

    private static byte[] truncate(Random random, byte[] bytes) {
        return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
    }

    private static byte[] splice(Random random, byte[] bytes, byte[] other) {
        int at = random.nextInt(bytes.length + 1);
        int from = random.nextInt(other.length + 1);
        byte[] result = new byte[at + other.length - from];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(other, from, result, at, other.length - from);
        return result;
    }

    private static byte[] repeat(Random random, byte[] bytes) {
        if (bytes.length == 0) {
            return bytes;
        }
        int from = random.nextInt(bytes.length);
        int length = Math.min(bytes.length - from, 1 + random.nextInt(32));
        byte[] range = java.util.Arrays.copyOfRange(bytes, from, from + length);
        byte[] result = bytes;
        for (int i = random.nextInt(50); i >= 0; i--) {
            result = insert(random, result, range);
        }
        return result;
    }

    /** Replaces a quoted string value with something else of another type or size. */
    private static byte[] replaceValue(Random random, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String replacement = pick(
                random,
                List.of(
                        "null",
                        "1",
                        "-1",
                        "1.0e308",
                        "[]",
                        "{}",
                        "true",
                        "\"\"",
                        "\"" + printable(random, 500) + "\"",
                        "[" + "1,".repeat(5000) + "1]",
                        "{\"a\":" + "{\"a\":".repeat(80) + "1" + "}".repeat(81)));
        return text.replaceFirst(":\\s*\"[^\"]*\"", ":" + java.util.regex.Matcher.quoteReplacement(replacement))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String printable(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + random.nextInt(0x5e)));
        }
        return text.toString();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<byte[]> mcpSeeds() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        try (InputStream index = HttpFuzzIT.class.getResourceAsStream("/fuzz-seeds/mcp-index.txt")) {
            for (String name : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (!name.isBlank()) {
                    try (InputStream seed = HttpFuzzIT.class.getResourceAsStream("/fuzz-seeds/mcp/" + name.trim())) {
                        seeds.add(seed.readAllBytes());
                    }
                }
            }
        }
        return seeds;
    }
}
