package it.dev.portcullis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.oauth.CodeFlowTokens;
import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.LibertyServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: the token endpoint's throughput over HTTPS, at steady state. {@code client_credentials} access tokens
 * per second with {@code client_secret_basic} (the PBKDF2-hashed secret, remembered once verified): 64 confidential
 * clients share the load, as a fleet of services would, so the verified-secret cache has more than one entry. Then
 * {@code refresh_token} rotations per second: one refresh-token family per worker, each started by alice's login
 * and consent, each request presenting the refresh token the previous one returned (public clients). Runs only with
 * {@code -Dportcullis.benchmark=true}; the command is in src/docs/benchmarks.md.
 *
 * <p>In the same run, two references: a bare JAX-RS {@code GET} of the same application (the protected resource
 * metadata: no database, no signature), the ceiling for any request here; and the token rate with the JDK's
 * {@code HttpClient} as the load generator, bracketed by two measurements with the lean one, since the server is
 * still getting faster while the run goes on.
 */
@EnabledIfSystemProperty(named = "portcullis.benchmark", matches = "true")
class TokenBenchmarkIT {

    private static final int THREADS = Integer.getInteger("portcullis.benchmark.threads", 16);
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("portcullis.benchmark.seconds", 20));
    private static final Duration ROUND = Duration.ofSeconds(10);
    private static final Duration MIN_WARM_UP =
            Duration.ofSeconds(Integer.getInteger("portcullis.benchmark.min-warm-up-seconds", 120));
    private static final Duration MAX_WARM_UP =
            Duration.ofSeconds(Integer.getInteger("portcullis.benchmark.max-warm-up-seconds", 360));
    private static final int CLIENTS = 64;
    private static final String INITIAL_ACCESS_TOKEN = "bench-initial-access-token";
    private static final String TOKEN_FORM = "grant_type=client_credentials&scope=pets%3Aread";

    /** Looked up once: {@code Json.create*} searches for the provider on every call, in the load generator too. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private static final AtomicInteger UNEXPECTED_SHOWN = new AtomicInteger();

    private final LibertyServer server = LibertyServer.current();
    private final URI base = server.baseUrl();
    private final SSLContext tls = Https.trustingServer(server);
    private final HttpClient http = HttpClient.newBuilder()
            .sslContext(tls)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    @Test
    void tokenEndpointThroughput() throws Exception {
        // The refresh-token families first: their public clients register openly, which the initial access token
        // below would refuse (it then guards every registration).
        List<CodeFlowTokens.Family> families = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            families.add(CodeFlowTokens.newFamily());
        }
        // Machine clients need the initial access token and an operator allowlist: both switched on for this run.
        java.nio.file.Path dropin = server.directory().resolve("configDropins/overrides/bench-machine-clients.xml");
        java.nio.file.Files.createDirectories(dropin.getParent());
        java.nio.file.Files.writeString(
                dropin,
                "<server><variable name=\"portcullis.oauth.registration.initial-access-token\""
                        + " value=\"" + INITIAL_ACCESS_TOKEN
                        + "\"/><variable name=\"portcullis.oauth.registration.machine-client-scopes\""
                        + " value=\"pets:read\"/></server>");
        try {
            benchmark(families);
        } finally {
            java.nio.file.Files.deleteIfExists(dropin);
        }
    }

    private void benchmark(List<CodeFlowTokens.Family> families) throws Exception {
        List<String> authorizations = new ArrayList<>();
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        String first = null;
        while (first == null) {
            try {
                first = registerServiceClient();
            } catch (AssertionError notYet) {
                if (java.time.Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
                Thread.sleep(500); // Liberty applies the configuration drop-in within seconds
            }
        }
        authorizations.add(first);
        for (int i = 1; i < CLIENTS; i++) {
            authorizations.add(registerServiceClient());
        }
        List<byte[]> tokenRequests = authorizations.stream()
                .map(authorization -> KeepAliveConnection.request(
                        "POST",
                        base,
                        "/oauth/token",
                        "Authorization: " + authorization + "\r\nContent-Type: application/x-www-form-urlencoded\r\n",
                        TOKEN_FORM))
                .toList();
        byte[] metadataRequest =
                KeepAliveConnection.request("GET", base, "/.well-known/oauth-protected-resource", "", null);

        SteadyLoad tokens =
                new SteadyLoad(THREADS, index -> keepAlive(index, tokenRequests, TokenBenchmarkIT::isToken));
        SteadyLoad metadata = new SteadyLoad(
                THREADS,
                index -> keepAlive(
                        index,
                        List.of(metadataRequest),
                        response -> expected(
                                response,
                                response.status() == 200 && response.body().contains("\"resource\""))));
        SteadyLoad tokensViaJdkClient = new SteadyLoad(THREADS, index -> jdkClient(index, authorizations));
        String[] refreshTokens =
                families.stream().map(CodeFlowTokens.Family::refreshToken).toArray(String[]::new);
        SteadyLoad rotations =
                new SteadyLoad(THREADS, index -> rotating(families.get(index).clientId(), refreshTokens, index));

        List<SteadyLoad.Rate> warmUp = tokens.warmUp(ROUND, MIN_WARM_UP, MAX_WARM_UP);
        SteadyLoad.Rate tokenRate = tokens.run(MEASURE);
        // The server is warm by now; these warm-ups are for the new request paths and the JDK client's own code.
        List<SteadyLoad.Rate> rotationWarmUp = rotations.warmUp(ROUND, ROUND.multipliedBy(3), ROUND.multipliedBy(12));
        SteadyLoad.Rate rotationRate = rotations.run(MEASURE);
        List<SteadyLoad.Rate> metadataWarmUp = metadata.warmUp(ROUND, ROUND.multipliedBy(2), ROUND.multipliedBy(6));
        SteadyLoad.Rate metadataRate = metadata.run(MEASURE);
        List<SteadyLoad.Rate> jdkWarmUp =
                tokensViaJdkClient.warmUp(ROUND, ROUND.multipliedBy(3), ROUND.multipliedBy(9));
        SteadyLoad.Rate jdkRate = tokensViaJdkClient.run(MEASURE);
        // The server is still getting faster minutes into the run: measured again last, the first token line and this
        // one bracket everything between them.
        SteadyLoad.Rate tokenRateAgain = tokens.run(MEASURE);

        List<String> lines = List.of(
                line("client_credentials, client_secret_basic, " + CLIENTS + " clients", tokenRate, "tokens/s")
                        + warmUpRates(warmUp, "tokens/s"),
                line("refresh_token rotations, " + THREADS + " families, public clients", rotationRate, "rotations/s")
                        + warmUpRates(rotationWarmUp, "rotations/s"),
                line("reference: GET /.well-known/oauth-protected-resource", metadataRate, "requests/s"),
                line("reference: client_credentials with the JDK HttpClient as load generator", jdkRate, "tokens/s"),
                line("client_credentials again, last", tokenRateAgain, "tokens/s"));
        Files.write(
                Path.of("target", "benchmark-results.txt"),
                lines,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        lines.forEach(System.out::println);
        // Warm-up rounds count too: a fault that shows after minutes of load (as the pool exhaustion did) shows there.
        List<SteadyLoad.Rate> all =
                new ArrayList<>(List.of(tokenRate, rotationRate, metadataRate, jdkRate, tokenRateAgain));
        List.of(warmUp, rotationWarmUp, metadataWarmUp, jdkWarmUp).forEach(all::addAll);
        assertThat(all)
                .as("unexpected answers in any round")
                .allSatisfy(rate -> assertThat(rate.wrong()).isZero());
    }

    private static String line(String label, SteadyLoad.Rate rate, String unit) {
        return String.format(
                "%s | %s | %d threads, %.1f s, %d answers | %.0f %s",
                Instant.now(), label, THREADS, rate.seconds(), rate.ok(), rate.perSecond(), unit);
    }

    private static String warmUpRates(List<SteadyLoad.Rate> rounds, String unit) {
        return " | warm-up " + rounds.size() + " x " + ROUND.toSeconds() + " s: "
                + rounds.stream()
                        .map(rate -> String.format("%.0f", rate.perSecond()))
                        .collect(Collectors.joining(" ")) + " " + unit;
    }

    private static boolean isToken(KeepAliveConnection.Response response) {
        return expected(response, response.status() == 200 && response.body().startsWith("{\"access_token\":\""));
    }

    /** Shows the first few unexpected answers (a benchmark that fails should say why). */
    private static boolean expected(KeepAliveConnection.Response response, boolean expected) {
        if (!expected && UNEXPECTED_SHOWN.getAndIncrement() < 3) {
            System.out.println("Unexpected answer: " + response.status() + " " + response.body());
        }
        return expected;
    }

    /** A worker on its own kept-alive connection, taking the requests in turn from its own offset. */
    private SteadyLoad.Worker keepAlive(
            int index, List<byte[]> requests, Predicate<KeepAliveConnection.Response> expected) throws Exception {
        KeepAliveConnection connection = new KeepAliveConnection(tls, base);
        return new SteadyLoad.Worker() {
            @Override
            public boolean request(long n) throws Exception {
                return expected.test(
                        connection.exchange(requests.get((int) ((index + n * THREADS) % requests.size()))));
            }

            @Override
            public void close() throws Exception {
                connection.close();
            }
        };
    }

    /** A worker rotating family {@code index}: each answer's refresh token is the next request's. */
    private SteadyLoad.Worker rotating(String clientId, String[] refreshTokens, int index) throws Exception {
        KeepAliveConnection connection = new KeepAliveConnection(tls, base);
        String form = "grant_type=refresh_token&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&refresh_token=";
        return new SteadyLoad.Worker() {
            @Override
            public boolean request(long n) throws Exception {
                KeepAliveConnection.Response response = connection.exchange(KeepAliveConnection.request(
                        "POST",
                        base,
                        "/oauth/token",
                        "Content-Type: application/x-www-form-urlencoded\r\n",
                        form + URLEncoder.encode(refreshTokens[index], StandardCharsets.UTF_8)));
                if (!isToken(response)) {
                    return false;
                }
                refreshTokens[index] = JSON.createReader(new StringReader(response.body()))
                        .readObject()
                        .getString("refresh_token");
                return true;
            }

            @Override
            public void close() throws Exception {
                connection.close();
            }
        };
    }

    private SteadyLoad.Worker jdkClient(int index, List<String> authorizations) {
        return n -> {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(server.url("/oauth/token"))
                            .header("Authorization", authorizations.get((int)
                                    ((index + n * THREADS) % authorizations.size())))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(TOKEN_FORM))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().startsWith("{\"access_token\":\"");
        };
    }

    private String registerServiceClient() throws Exception {
        String body = "{\"software_id\":\"" + UUID.randomUUID() + "\",\"client_name\":\"Token benchmark\","
                + "\"token_endpoint_auth_method\":\"client_secret_basic\",\"grant_types\":[\"client_credentials\"],"
                + "\"scope\":\"pets:read\"}";
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(server.url("/oauth/register"))
                        .header("Authorization", "Bearer " + INITIAL_ACCESS_TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonObject client = Json.createReader(new StringReader(response.body())).readObject();
        String pair = client.getString("client_id") + ":" + client.getString("client_secret");
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
