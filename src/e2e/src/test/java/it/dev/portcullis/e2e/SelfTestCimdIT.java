package it.dev.portcullis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.AppServer;
import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.ServerUnderTest;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's self-test ({@code src/selftest/PortcullisSelfTest.java}) with {@code --cimd}, against the e2e
 * server, which may fetch documents from this suite's document server: a document the server fetches and accepts
 * passes, a URL it cannot fetch fails with exit status 1. Run with no client profiles, so the verdict is the
 * discovery checks' and the fetch's alone.
 */
@ExtendWith(ServerUnderTest.class)
class SelfTestCimdIT {

    private static final Path PROGRAM = Path.of("..", "selftest", "PortcullisSelfTest.java");

    private static MetadataDocumentServer documents;

    @TempDir
    Path dir;

    @BeforeAll
    static void serveDocument() throws Exception {
        // Writes the server certificate where the server reads the documents' trust from
        // (portcullis.oauth.cimd.trusted-certificates), in case this class runs before JourneyIT.
        Https.trustingServer(AppServer.current());
        documents = new MetadataDocumentServer(AppServer.current(), Integer.getInteger("it.e2e.cimd.port"));
    }

    @AfterAll
    static void stopServing() {
        if (documents != null) {
            documents.close();
        }
    }

    @Test
    void selfTestWhenTheServerFetchesTheDocumentThenTheCimdCheckPasses() throws Exception {
        Result result = run(AppServer.current(), documents.url().toString());
        System.out.println(result.output()); // the report an operator sees; it holds no token or secret

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output())
                .contains(
                        "PASS CIMD advertised",
                        "PASS CIMD fetch: the server fetched and accepted " + documents.url(),
                        "VERDICT: all checks passed")
                .doesNotContain("FAIL");
        assertThat(documents.fetches()).isPositive();
    }

    @Test
    void selfTestWhenTheDocumentCannotBeFetchedThenTheCimdCheckFails() throws Exception {
        String missing = documents
                .url()
                .resolve("/clients/no-such-client-" + System.nanoTime() + ".json")
                .toString();

        Result result = run(AppServer.current(), missing);

        assertThat(result.exit()).as(result.output()).isEqualTo(1);
        assertThat(result.output())
                .contains("FAIL CIMD fetch: the server did not accept " + missing, "VERDICT: 1 failed");
    }

    private Result run(AppServer server, String document) throws Exception {
        Path profiles = dir.resolve("profiles.json");
        Files.writeString(profiles, "{\"profiles\":[]}");
        Path trustStore = dir.resolve("trust.p12");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("portcullis", Https.serverCertificate(server));
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            trust.store(out, "selftest".toCharArray());
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djavax.net.ssl.trustStore=" + trustStore,
                "-Djavax.net.ssl.trustStorePassword=selftest",
                "-Djavax.net.ssl.trustStoreType=PKCS12",
                PROGRAM.toString(),
                server.url("/mcp").toString(),
                profiles.toString(),
                "--cimd",
                document));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(
                process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output) {}
}
