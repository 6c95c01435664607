package dev.portcullis.oauth.cimd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.oauth.model.RegisteredClient;
import dev.portcullis.oauth.registration.ClientMetadataValidator;
import dev.portcullis.oauth.registration.RedirectUriPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metadata documents served by a real local HTTPS fixture; the SSRF guard allows only the fixture's host:port. */
class ClientMetadataDocumentsTest {

    @TempDir
    static Path dir;

    private static HttpsFixture fixture;
    private static final AtomicInteger GOOD_HITS = new AtomicInteger();
    private static final AtomicInteger UNCACHED_HITS = new AtomicInteger();
    private static final AtomicInteger FLAKY_HITS = new AtomicInteger();
    private static final AtomicInteger FAILING_HITS = new AtomicInteger();
    private static final AtomicInteger HOLDING = new AtomicInteger();
    private static final AtomicInteger MAX_HOLDING = new AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CountDownLatch> RELEASE =
            new java.util.concurrent.atomic.AtomicReference<>(new java.util.concurrent.CountDownLatch(0));

    @BeforeAll
    static void startFixture() throws Exception {
        fixture = HttpsFixture.start(dir);
        fixture.serve("/good.json", ex -> {
            GOOD_HITS.incrementAndGet();
            HttpsFixture.respond(
                    ex, 200, document(fixture.url("/good.json"), ""), "Cache-Control", "public, max-age=300");
        });
        fixture.serve("/uncached.json", ex -> {
            UNCACHED_HITS.incrementAndGet();
            HttpsFixture.respond(ex, 200, document(fixture.url("/uncached.json"), ""));
        });
        fixture.serve("/flaky.json", ex -> {
            if (FLAKY_HITS.incrementAndGet() == 1) {
                HttpsFixture.respond(ex, 500, "oops", "Cache-Control", "max-age=3600");
            } else {
                HttpsFixture.respond(ex, 200, document(fixture.url("/flaky.json"), ""), "Cache-Control", "max-age=300");
            }
        });
        fixture.serve("/wrong-id.json", ex -> HttpsFixture.respond(ex, 200, document(fixture.url("/other.json"), "")));
        fixture.serve(
                "/trailing.json", ex -> HttpsFixture.respond(ex, 200, document(fixture.url("/trailing.json/"), "")));
        fixture.serve(
                "/big.json",
                ex -> HttpsFixture.respond(
                        ex, 200, document(fixture.url("/big.json"), ",\"padding\":\"" + "x".repeat(6000) + "\"")));
        fixture.serve(
                "/secret.json",
                ex -> HttpsFixture.respond(ex, 200, document(fixture.url("/secret.json"), ",\"client_secret\":\"s\"")));
        fixture.serve(
                "/basic.json",
                ex -> HttpsFixture.respond(
                        ex,
                        200,
                        document(
                                fixture.url("/basic.json"),
                                ",\"token_endpoint_auth_method\":\"client_secret_basic\"")));
        fixture.serve(
                "/bad-redirect.json",
                ex -> HttpsFixture.respond(
                        ex,
                        200,
                        "{\"client_id\":\"" + fixture.url("/bad-redirect.json")
                                + "\",\"client_name\":\"X\",\"redirect_uris\":[\"javascript:x\"]}"));
        fixture.serve(
                "/no-name.json",
                ex -> HttpsFixture.respond(
                        ex,
                        200,
                        "{\"client_id\":\"" + fixture.url("/no-name.json")
                                + "\",\"redirect_uris\":[\"https://a.example/cb\"]}"));
        fixture.serve("/not-json", ex -> HttpsFixture.respond(ex, 200, "hello"));
        fixture.serve("/missing.json", ex -> HttpsFixture.respond(ex, 404, ""));
        fixture.serve("/hop", ex -> HttpsFixture.respond(ex, 302, "", "Location", "/hop-target.json"));
        fixture.serve("/hop-target.json", ex -> HttpsFixture.respond(ex, 200, document(fixture.url("/hop"), "")));
        fixture.serve(
                "/hop-to-loopback",
                ex -> HttpsFixture.respond(
                        ex, 302, "", "Location", "https://127.0.0.1:" + fixture.port() + "/good.json"));
        fixture.serve(
                "/hop-to-metadata-service",
                ex -> HttpsFixture.respond(ex, 307, "", "Location", "https://169.254.169.254/latest/meta-data"));
        fixture.serve("/slow.json", ex -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            HttpsFixture.respond(ex, 200, document(fixture.url("/slow.json"), ""));
        });
        fixture.serve("/stalled-body.json", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked: the headers and a first chunk go out, then nothing for 3 s
            ex.getResponseBody().write(("{\"client_name\":\"" + "x".repeat(4_500)).getBytes(StandardCharsets.US_ASCII));
            ex.getResponseBody().flush();
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        fixture.serve("/loop", ex -> HttpsFixture.respond(ex, 302, "", "Location", "/loop"));
        fixture.serve("/failing.json", ex -> {
            FAILING_HITS.incrementAndGet();
            HttpsFixture.respond(ex, 503, "down");
        });
        fixture.serve("/hold/", ex -> {
            int now = HOLDING.incrementAndGet();
            MAX_HOLDING.accumulateAndGet(now, Math::max);
            try {
                RELEASE.get().await(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                HOLDING.decrementAndGet();
            }
            HttpsFixture.respond(ex, 404, "");
        });
        for (int i = 1; i <= 3; i++) {
            String next = i < 3 ? "/slow-hop-" + (i + 1) : "/good.json";
            fixture.serve("/slow-hop-" + i, ex -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                HttpsFixture.respond(ex, 302, "", "Location", next);
            });
        }
    }

    @AfterAll
    static void stopFixture() {
        fixture.close();
    }

    @Test
    void resolveWhenDocumentValidThenPublicClientWithItsRedirectUris() throws Exception {
        RegisteredClient client = documents().resolve(fixture.url("/good.json"));

        assertThat(client.source()).isEqualTo(RegisteredClient.Source.METADATA_DOCUMENT);
        assertThat(client.redirectUris()).containsExactly("http://127.0.0.1/callback", "https://app.example/cb");
        assertThat(client.tokenEndpointAuthMethod()).isEqualTo("none");
        assertThat(client.clientName()).hasValue("Fixture client");
    }

    @Test
    void resolveWhenMaxAgeGivenThenCachedWhenAbsentThenFetchedEachTime() throws Exception {
        ClientMetadataDocuments documents = documents();
        int good = GOOD_HITS.get();
        int uncached = UNCACHED_HITS.get();

        documents.resolve(fixture.url("/good.json"));
        documents.resolve(fixture.url("/good.json"));
        documents.resolve(fixture.url("/uncached.json"));
        documents.resolve(fixture.url("/uncached.json"));

        assertThat(GOOD_HITS.get() - good).isEqualTo(1);
        assertThat(UNCACHED_HITS.get() - uncached).isEqualTo(2);
    }

    @Test
    void resolveWhenFirstFetchFailsThenRefusedForTheFailureCacheTimeThenRetrySucceeds() throws Exception {
        MutableClock clock = new MutableClock();
        ClientMetadataDocuments documents = documents(List.of("localhost:" + fixture.port()), clock);

        assertThatThrownBy(() -> documents.resolve(fixture.url("/flaky.json"))).hasMessageContaining("HTTP 500");
        assertThatThrownBy(() -> documents.resolve(fixture.url("/flaky.json"))).hasMessageContaining("failed recently");
        clock.advance(Duration.ofSeconds(61));
        assertThat(documents.resolve(fixture.url("/flaky.json")).clientId()).isEqualTo(fixture.url("/flaky.json"));
    }

    /** A host that fails is asked once per failure-cache period, however often its URL is presented. */
    @Test
    void resolveWhenDocumentFailsRepeatedlyThenHostFetchedOnceWithinTheFailureCache() throws Exception {
        ClientMetadataDocuments documents = documents();
        int before = FAILING_HITS.get();

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> documents.resolve(fixture.url("/failing.json")))
                    .isInstanceOf(MetadataDocumentException.class);
        }

        assertThat(FAILING_HITS.get() - before)
                .as("fetches of a failing document within the failure cache")
                .isEqualTo(1);
    }

    /** At most two fetches run against one host at a time; the others are refused at once instead of waiting. */
    @Test
    void resolveWhenManyConcurrentFetchesToOneHostThenAtMostTwoRunAndTheRestAreRefused() throws Exception {
        ClientMetadataDocuments documents = documents();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        RELEASE.set(release);
        MAX_HOLDING.set(0);
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String url = fixture.url("/hold/" + i + ".json");
                outcomes.add(callers.submit(() -> {
                    try {
                        documents.resolve(url);
                        return "resolved";
                    } catch (MetadataDocumentException e) {
                        return e.getMessage();
                    }
                }));
            }
            long until = System.currentTimeMillis() + 2_000;
            while (System.currentTimeMillis() < until && HOLDING.get() < 6) {
                Thread.sleep(50);
            }
            int concurrent = MAX_HOLDING.get();
            release.countDown();
            List<String> messages = new java.util.ArrayList<>();
            for (var outcome : outcomes) {
                messages.add(outcome.get(10, java.util.concurrent.TimeUnit.SECONDS));
            }

            assertThat(concurrent)
                    .as("fetches running against one host at once")
                    .isLessThanOrEqualTo(2);
            assertThat(messages)
                    .filteredOn(m -> m.contains("too many concurrent document fetches from this host"))
                    .hasSize(4);
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
    }

    /** The deadline covers the whole fetch: three redirects of 300 ms each do not fit into 500 ms. */
    @Test
    void fetchWhenRedirectHopsTogetherExceedTheDeadlineThenTimesOut() throws Exception {
        long start = System.nanoTime();

        assertThatThrownBy(() -> impatientFetcher().fetch(java.net.URI.create(fixture.url("/slow-hop-1"))))
                .isInstanceOf(MetadataDocumentException.class)
                .hasMessageContaining("Timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
    }

    @Test
    void resolveWhenNoExecutorThreadFreeThenRefusedAndSlotsGivenBack() throws Exception {
        ClientMetadataDocuments documents =
                documents(List.of("localhost:" + fixture.port()), Clock.systemUTC(), task -> {
                    throw new java.util.concurrent.RejectedExecutionException("full");
                });

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> documents.resolve(fixture.url("/good.json")))
                    .hasMessageContaining("no thread is free");
        }
        assertThat(documents.fetchesInFlight()).isZero();
    }

    @Test
    void resolveWhenFetchedOnTheExecutorThenCallerGetsTheDocument() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            ClientMetadataDocuments documents =
                    documents(List.of("localhost:" + fixture.port()), Clock.systemUTC(), pool);

            assertThat(documents.resolve(fixture.url("/uncached.json")).clientId())
                    .isEqualTo(fixture.url("/uncached.json"));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The connection goes to the address handed in: a host name that never resolves (.invalid) is still fetched. */
    @Test
    void pinnedExchangeWhenGivenAnAddressThenConnectsThereWithTheUrlHostForTlsAndHost() throws Exception {
        PinnedHttpsExchange exchange = new PinnedHttpsExchange(
                TrustedCertificates.sslContext(Optional.of(fixture.certificatePem())), Clock.systemUTC());
        java.net.InetAddress fixtureAddress = java.net.InetAddress.getByName("localhost");

        PinnedHttpsExchange.Response response = exchange.get(
                java.net.URI.create("https://pinned.invalid:" + fixture.port() + "/uncached.json"),
                List.of(fixtureAddress),
                5120,
                1000,
                java.time.Instant.now().plusSeconds(3));

        assertThat(response.status()).isEqualTo(200);
        assertThatThrownBy(() -> exchange.get(
                        java.net.URI.create("https://other.invalid:" + fixture.port() + "/good.json"),
                        List.of(fixtureAddress),
                        5120,
                        1000,
                        java.time.Instant.now().plusSeconds(3)))
                .as("the certificate must match the URL's host")
                .isInstanceOf(javax.net.ssl.SSLException.class);
    }

    @Test
    void resolveWhenRedirectStaysOnAllowedHostThenFollowedAndClientIdIsOriginalUrl() throws Exception {
        assertThat(documents().resolve(fixture.url("/hop")).clientId()).isEqualTo(fixture.url("/hop"));
    }

    @Test
    void resolveWhenRedirectHopTargetsLoopbackOrLinkLocalThenRefused() {
        assertThatThrownBy(() -> documents().resolve(fixture.url("/hop-to-loopback")))
                .hasMessageContaining("non-public");
        assertThatThrownBy(() -> documents().resolve(fixture.url("/hop-to-metadata-service")))
                .hasMessageContaining("non-public");
        assertThatThrownBy(() -> documents().resolve(fixture.url("/loop"))).hasMessageContaining("redirects");
    }

    @Test
    void resolveWhenDocumentBreaksARuleThenRefusedWithReason() {
        assertRefused("/wrong-id.json", "not exactly its URL");
        assertRefused("/trailing.json", "not exactly its URL");
        assertRefused("/big.json", "larger than 5120 bytes");
        assertRefused("/secret.json", "must not contain a client secret");
        assertRefused("/basic.json", "token_endpoint_auth_method none");
        assertRefused("/bad-redirect.json", "invalid");
        assertRefused("/no-name.json", "client_name and redirect_uris");
        assertRefused("/not-json", "not valid JSON");
        assertRefused("/missing.json", "HTTP 404");
    }

    @Test
    void resolveWhenUrlShapeWrongThenRefusedWithoutFetching() {
        for (String bad : List.of(
                "https://localhost:1",
                "https://localhost:1/",
                "https://localhost:1/a/../b.json",
                "https://localhost:1/a/./b.json",
                "https://localhost:1/c.json#f",
                "https://u@localhost:1/c.json",
                "https://localhost:1/c.json?x=1",
                "http://localhost:1/c.json")) {
            assertThatThrownBy(() -> documents().resolve(bad)).as(bad).isInstanceOf(MetadataDocumentException.class);
        }
    }

    @Test
    void resolveWhenAllowListEmptyAsByDefaultThenFixtureOnLoopbackRefused() throws Exception {
        ClientMetadataDocuments guarded = documents(List.of());

        assertThatThrownBy(() -> guarded.resolve(fixture.url("/good.json"))).hasMessageContaining("non-public");
    }

    @Test
    void resolveWhenServerTooSlowThenTimesOut() throws Exception {
        assertThatThrownBy(() -> impatientFetcher().fetch(java.net.URI.create(fixture.url("/slow.json"))))
                .isInstanceOf(MetadataDocumentException.class)
                .hasMessageContaining("Timeout");
    }

    @Test
    void resolveWhenBodyStallsAfterTheHeadersThenTimesOut() throws Exception {
        assertThatThrownBy(() -> impatientFetcher().fetch(java.net.URI.create(fixture.url("/stalled-body.json"))))
                .isInstanceOf(MetadataDocumentException.class)
                .hasMessageContaining("Timeout");
    }

    @Test
    void cacheForWhenHeadersVaryThenFollowsThem() {
        assertThat(MetadataDocumentFetcher.cacheFor(Optional.of("public, max-age=120")))
                .isEqualTo(Duration.ofSeconds(120));
        assertThat(MetadataDocumentFetcher.cacheFor(Optional.of("max-age=99999999")))
                .isEqualTo(Duration.ofDays(1));
        assertThat(MetadataDocumentFetcher.cacheFor(Optional.of("no-store, max-age=60")))
                .isZero();
        assertThat(MetadataDocumentFetcher.cacheFor(Optional.of("no-cache"))).isZero();
        assertThat(MetadataDocumentFetcher.cacheFor(Optional.empty())).isZero();
    }

    /** Gives up after 500 ms. */
    private static MetadataDocumentFetcher impatientFetcher() throws Exception {
        return new MetadataDocumentFetcher(
                new SsrfGuard(List.of("localhost:" + fixture.port())),
                TrustedCertificates.sslContext(Optional.of(fixture.certificatePem())),
                Duration.ofSeconds(1),
                Duration.ofMillis(500),
                Clock.systemUTC());
    }

    private static void assertRefused(String path, String reason) {
        assertThatThrownBy(() -> documents().resolve(fixture.url(path)))
                .as(path)
                .isInstanceOf(MetadataDocumentException.class)
                .hasMessageContaining(reason);
    }

    private static ClientMetadataDocuments documents() throws Exception {
        return documents(List.of("localhost:" + fixture.port()));
    }

    private static ClientMetadataDocuments documents(List<String> allowList) throws Exception {
        return documents(allowList, Clock.systemUTC());
    }

    private static ClientMetadataDocuments documents(List<String> allowList, Clock clock) throws Exception {
        MetadataDocumentFetcher fetcher = new MetadataDocumentFetcher(
                new SsrfGuard(allowList),
                TrustedCertificates.sslContext(Optional.of(fixture.certificatePem())),
                Clock.systemUTC());
        ClientMetadataValidator validator = new ClientMetadataValidator(
                new RedirectUriPolicy(RedirectUriPolicy.PrivateUseSchemes.REVERSE_DOMAIN),
                Set.of("pets:read"),
                List.of("pets:read"));
        return new ClientMetadataDocuments(fetcher, validator, clock);
    }

    private static ClientMetadataDocuments documents(
            List<String> allowList, Clock clock, java.util.concurrent.Executor executor) throws Exception {
        MetadataDocumentFetcher fetcher = new MetadataDocumentFetcher(
                new SsrfGuard(allowList),
                TrustedCertificates.sslContext(Optional.of(fixture.certificatePem())),
                Clock.systemUTC());
        ClientMetadataValidator validator = new ClientMetadataValidator(
                new RedirectUriPolicy(RedirectUriPolicy.PrivateUseSchemes.REVERSE_DOMAIN),
                Set.of("pets:read"),
                List.of("pets:read"));
        return new ClientMetadataDocuments(
                fetcher, validator, clock, executor, ClientMetadataDocuments.FetchLimits.defaults());
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private volatile java.time.Instant now = java.time.Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }
    }

    private static String document(String clientId, String extra) {
        return "{\"client_id\":\"" + clientId + "\",\"client_name\":\"Fixture client\","
                + "\"redirect_uris\":[\"http://127.0.0.1/callback\",\"https://app.example/cb\"]" + extra + "}";
    }
}
