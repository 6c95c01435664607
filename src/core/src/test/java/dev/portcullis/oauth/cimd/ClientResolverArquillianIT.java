package dev.portcullis.oauth.cimd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.audit.AuditFilter;
import dev.portcullis.audit.AuditRecords;
import dev.portcullis.oauth.client.ClientResolver;
import dev.portcullis.oauth.model.RegisteredClient;
import dev.portcullis.persistence.AuditRecordEntity;
import dev.portcullis.testing.ProductWar;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The resolver as part 2 will call it, in-container: an https client_id is resolved through the configured CIMD
 * fetcher. The HTTPS fixture runs inside the server's JVM; the test-only settings (allow-list, extra trust) are
 * set as system properties before the resolver's first CIMD use, and cleared afterwards. Every fetch is on the audit
 * trail ({@code cimd.fetched}): ok, or failed with the reason.
 */
@ExtendWith(ArquillianExtension.class)
class ClientResolverArquillianIT {

    private static final String ALLOW = "portcullis.oauth.cimd.test-allow-hosts";
    private static final String TRUST = "portcullis.oauth.cimd.trusted-certificates";
    private static HttpsFixture fixture;

    @Deployment
    static WebArchive deployment() {
        return ProductWar.named("portcullis-cimd-it.war")
                .addClasses(ClientResolverArquillianIT.class, HttpsFixture.class);
    }

    @Inject
    private ClientResolver resolver;

    @EJB
    private AuditRecords records;

    /** Runs inside the server (Arquillian runs JUnit's class-level callbacks on the client side). */
    private static void startFixture() throws Exception {
        Path dir = Files.createTempDirectory("cimd-fixture");
        fixture = HttpsFixture.start(dir);
        fixture.serve(
                "/client.json",
                ex -> HttpsFixture.respond(
                        ex,
                        200,
                        "{\"client_id\":\"" + fixture.url("/client.json")
                                + "\",\"client_name\":\"In-container client\",\"redirect_uris\":[\"http://127.0.0.1/cb\"]}"));
        System.setProperty(ALLOW, "localhost:" + fixture.port());
        System.setProperty(TRUST, fixture.certificatePem().toString());
    }

    private static void stopFixture() {
        System.clearProperty(ALLOW);
        System.clearProperty(TRUST);
        if (fixture != null) {
            fixture.close();
        }
    }

    /** The cimd.fetched records of one document URL, once {@code expected} of them are written (asynchronously). */
    private List<AuditRecordEntity> fetched(String url, int expected) throws InterruptedException {
        List<AuditRecordEntity> found = List.of();
        for (int attempt = 0; attempt < 50 && found.size() < expected; attempt++) {
            Thread.sleep(100);
            found = records.page(filter(url), 0, 10);
        }
        Thread.sleep(200);
        found = records.page(filter(url), 0, 10);
        assertEquals(expected, found.size(), "cimd.fetched records of " + url);
        return found;
    }

    /** Records of this run only: the database outlives a run, and the unreachable URL is the same every time. */
    private static final java.time.Instant START = java.time.Instant.now().minusSeconds(1);

    private static AuditFilter filter(String clientId) {
        return new AuditFilter(START, null, null, clientId, "cimd.fetched", null, null, null, null);
    }

    @Test
    void resolveWhenClientIdIsDocumentUrlThenFetchedThroughConfiguredGuardAndTrust() throws Exception {
        startFixture();
        try {
            RegisteredClient client =
                    resolver.resolve(fixture.url("/client.json")).orElseThrow();

            assertEquals(RegisteredClient.Source.METADATA_DOCUMENT, client.source());
            assertEquals("In-container client", client.clientName().orElseThrow());
            assertTrue(
                    resolver.resolve(fixture.url("/missing.json")).isEmpty(),
                    "an unusable document resolves to nothing");
            assertThrows(
                    MetadataDocumentException.class, () -> resolver.resolveDocument("https://127.0.0.1:1/client.json"));
            assertTrue(resolver.resolve("no-such-registered-client").isEmpty());

            AuditRecordEntity ok = fetched(fixture.url("/client.json"), 1).get(0);
            assertEquals("ok", ok.getOutcome());
            AuditRecordEntity missing = fetched(fixture.url("/missing.json"), 1).get(0);
            assertEquals("failed", missing.getOutcome());
            assertTrue(
                    missing.getDetails().contains("\"reason\":\"")
                            && missing.getDetails().contains("404"),
                    "the reason of a failed fetch: " + missing.getDetails());
            AuditRecordEntity unreachable =
                    fetched("https://127.0.0.1:1/client.json", 1).get(0);
            assertEquals("failed", unreachable.getOutcome());
            assertTrue(unreachable.getDetails().contains("\"reason\":\""), unreachable.getDetails());
            assertTrue(
                    records.page(filter("no-such-registered-client"), 0, 10).isEmpty(),
                    "a registered client is not a document");
        } finally {
            stopFixture();
        }
    }
}
