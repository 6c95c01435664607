package dev.portcullis.oauth.cimd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.oauth.client.RegisteredClient;
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

    @BeforeAll
    static void startFixture() throws Exception {
        fixture = HttpsFixture.start(dir);
        fixture.serve("/good.json", ex -> {
            GOOD_HITS.incrementAndGet();
            HttpsFixture.respond(ex, 200, document(fixture.url("/good.json"), ""), "Cache-Control", "public, max-age=300");
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
        fixture.serve("/trailing.json", ex -> HttpsFixture.respond(ex, 200, document(fixture.url("/trailing.json/"), "")));
        fixture.serve("/big.json", ex -> HttpsFixture.respond(ex, 200,
                document(fixture.url("/big.json"), ",\"padding\":\"" + "x".repeat(6000) + "\"")));
        fixture.serve("/secret.json", ex -> HttpsFixture.respond(ex, 200,
                document(fixture.url("/secret.json"), ",\"client_secret\":\"s\"")));
        fixture.serve("/basic.json", ex -> HttpsFixture.respond(ex, 200,
                document(fixture.url("/basic.json"), ",\"token_endpoint_auth_method\":\"client_secret_basic\"")));
        fixture.serve("/bad-redirect.json", ex -> HttpsFixture.respond(ex, 200,
                "{\"client_id\":\"" + fixture.url("/bad-redirect.json") + "\",\"client_name\":\"X\",\"redirect_uris\":[\"javascript:x\"]}"));
        fixture.serve("/no-name.json", ex -> HttpsFixture.respond(ex, 200,
                "{\"client_id\":\"" + fixture.url("/no-name.json") + "\",\"redirect_uris\":[\"https://a.example/cb\"]}"));
        fixture.serve("/not-json", ex -> HttpsFixture.respond(ex, 200, "hello"));
        fixture.serve("/missing.json", ex -> HttpsFixture.respond(ex, 404, ""));
        fixture.serve("/hop", ex -> HttpsFixture.respond(ex, 302, "", "Location", "/hop-target.json"));
        fixture.serve("/hop-target.json", ex -> HttpsFixture.respond(ex, 200, document(fixture.url("/hop"), "")));
        fixture.serve("/hop-to-loopback", ex -> HttpsFixture.respond(ex, 302, "",
                "Location", "https://127.0.0.1:" + fixture.port() + "/good.json"));
        fixture.serve("/hop-to-metadata-service", ex -> HttpsFixture.respond(ex, 307, "",
                "Location", "https://169.254.169.254/latest/meta-data"));
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
    void resolveWhenFirstFetchFailsThenErrorNotCachedAndRetrySucceeds() throws Exception {
        ClientMetadataDocuments documents = documents();

        assertThatThrownBy(() -> documents.resolve(fixture.url("/flaky.json"))).hasMessageContaining("HTTP 500");
        assertThat(documents.resolve(fixture.url("/flaky.json")).clientId()).isEqualTo(fixture.url("/flaky.json"));
    }

    @Test
    void resolveWhenRedirectStaysOnAllowedHostThenFollowedAndClientIdIsOriginalUrl() throws Exception {
        assertThat(documents().resolve(fixture.url("/hop")).clientId()).isEqualTo(fixture.url("/hop"));
    }

    @Test
    void resolveWhenRedirectHopTargetsLoopbackOrLinkLocalThenRefused() {
        assertThatThrownBy(() -> documents().resolve(fixture.url("/hop-to-loopback"))).hasMessageContaining("non-public");
        assertThatThrownBy(() -> documents().resolve(fixture.url("/hop-to-metadata-service"))).hasMessageContaining("non-public");
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
        for (String bad : List.of("https://localhost:1", "https://localhost:1/", "https://localhost:1/a/../b.json",
                "https://localhost:1/a/./b.json", "https://localhost:1/c.json#f", "https://u@localhost:1/c.json",
                "https://localhost:1/c.json?x=1", "http://localhost:1/c.json")) {
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
                .isInstanceOf(MetadataDocumentException.class).hasMessageContaining("Timeout");
    }

    @Test
    void resolveWhenBodyStallsAfterTheHeadersThenTimesOut() throws Exception {
        assertThatThrownBy(() -> impatientFetcher().fetch(java.net.URI.create(fixture.url("/stalled-body.json"))))
                .isInstanceOf(MetadataDocumentException.class).hasMessageContaining("Timeout");
    }

    @Test
    void cacheForWhenHeadersVaryThenFollowsThem() {
        assertThat(MetadataDocumentFetcher.cacheFor(Optional.of("public, max-age=120"))).isEqualTo(Duration.ofSeconds(120));
        assertThat(MetadataDocumentFetcher.cacheFor(Optional.of("max-age=99999999"))).isEqualTo(Duration.ofDays(1));
        assertThat(MetadataDocumentFetcher.cacheFor(Optional.of("no-store, max-age=60"))).isZero();
        assertThat(MetadataDocumentFetcher.cacheFor(Optional.of("no-cache"))).isZero();
        assertThat(MetadataDocumentFetcher.cacheFor(Optional.empty())).isZero();
    }

    /** Gives up after 500 ms. */
    private static MetadataDocumentFetcher impatientFetcher() throws Exception {
        return new MetadataDocumentFetcher(new SsrfGuard(List.of("localhost:" + fixture.port())),
                TrustedCertificates.sslContext(Optional.of(fixture.certificatePem())), Duration.ofSeconds(1), Duration.ofMillis(500));
    }

    private static void assertRefused(String path, String reason) {
        assertThatThrownBy(() -> documents().resolve(fixture.url(path))).as(path)
                .isInstanceOf(MetadataDocumentException.class).hasMessageContaining(reason);
    }

    private static ClientMetadataDocuments documents() throws Exception {
        return documents(List.of("localhost:" + fixture.port()));
    }

    private static ClientMetadataDocuments documents(List<String> allowList) throws Exception {
        MetadataDocumentFetcher fetcher = new MetadataDocumentFetcher(new SsrfGuard(allowList),
                TrustedCertificates.sslContext(Optional.of(fixture.certificatePem())));
        ClientMetadataValidator validator = new ClientMetadataValidator(
                new RedirectUriPolicy(RedirectUriPolicy.PrivateUseSchemes.REVERSE_DOMAIN), Set.of("pets:read"), List.of("pets:read"));
        return new ClientMetadataDocuments(fetcher, validator, Clock.systemUTC());
    }

    private static String document(String clientId, String extra) {
        return "{\"client_id\":\"" + clientId + "\",\"client_name\":\"Fixture client\","
                + "\"redirect_uris\":[\"http://127.0.0.1/callback\",\"https://app.example/cb\"]" + extra + "}";
    }
}
