package dev.portcullis.oauth.cimd;

import dev.portcullis.testing.ProductWar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.client.ClientResolver;
import dev.portcullis.oauth.client.RegisteredClient;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The resolver as part 2 will call it, in-container: an https client_id is resolved through the configured CIMD
 * fetcher. The HTTPS fixture runs inside the server's JVM; the test-only settings (allow-list, extra trust) are
 * set as system properties before the resolver's first CIMD use, and cleared afterwards.
 */
@ExtendWith(ArquillianExtension.class)
class ClientResolverArquillianIT {

    private static final String ALLOW = "portcullis.oauth.cimd.test-allow-hosts";
    private static final String TRUST = "portcullis.oauth.cimd.trusted-certificates";
    private static HttpsFixture fixture;

    @Deployment
    static WebArchive deployment() {
        return ProductWar.named("portcullis-cimd-it.war").addClasses(ClientResolverArquillianIT.class, HttpsFixture.class);
    }

    @Inject
    private ClientResolver resolver;

    /** Runs inside the server (Arquillian runs JUnit's class-level callbacks on the client side). */
    private static void startFixture() throws Exception {
        Path dir = Files.createTempDirectory("cimd-fixture");
        fixture = HttpsFixture.start(dir);
        fixture.serve("/client.json", ex -> HttpsFixture.respond(ex, 200, "{\"client_id\":\"" + fixture.url("/client.json")
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

    @Test
    void resolveWhenClientIdIsDocumentUrlThenFetchedThroughConfiguredGuardAndTrust() throws Exception {
        startFixture();
        try {
            RegisteredClient client = resolver.resolve(fixture.url("/client.json")).orElseThrow();

            assertEquals(RegisteredClient.Source.METADATA_DOCUMENT, client.source());
            assertEquals("In-container client", client.clientName().orElseThrow());
            assertTrue(resolver.resolve(fixture.url("/missing.json")).isEmpty(), "an unusable document resolves to nothing");
            assertThrows(MetadataDocumentException.class, () -> resolver.resolveDocument("https://127.0.0.1:1/client.json"));
            assertTrue(resolver.resolve("no-such-registered-client").isEmpty());
        } finally {
            stopFixture();
        }
    }
}
