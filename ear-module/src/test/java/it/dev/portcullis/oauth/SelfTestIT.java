package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.AppServer;
import it.dev.portcullis.support.Https;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's self-test ({@code src/selftest/PortcullisSelfTest.java}) run as an operator runs it, with the JDK's
 * single-file launcher, against the suite server: every check and every client profile passes; a profile the server
 * refuses gets a failing verdict and exit status 1. The JVM trusts only the server's certificate (its trust store).
 */
class SelfTestIT {

    private static final Path PROGRAM = Path.of("..", "src", "selftest", "PortcullisSelfTest.java");

    @TempDir
    Path dir;

    @Test
    void selfTestWhenRunAgainstTheServerThenEveryCheckAndClientPasses() throws Exception {
        Result result = run(ClientProfilesIT.PROFILES);
        System.out.println(result.output()); // the report an operator sees; it holds no token or secret

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output())
                .contains(
                        "PASS TLS",
                        "PASS 401 challenge",
                        "PASS PRM resource at /.well-known/oauth-protected-resource/mcp",
                        "PASS AS issuer at /.well-known/oauth-authorization-server",
                        "PASS client cursor",
                        "PASS client vscode",
                        "PASS client chatgpt",
                        "VERDICT: all checks passed")
                .doesNotContain("FAIL");
    }

    @Test
    void selfTestWhenAProfileIsRefusedThenItsVerdictFailsAndTheExitStatusIsOne() throws Exception {
        Path profiles = dir.resolve("profiles.json");
        Files.writeString(
                profiles,
                "{\"profiles\":[{\"id\":\"look-alike\",\"client\":\"not Cursor\",\"registration\":"
                        + "{\"client_name\":\"look-alike\",\"redirect_uris\":[\"cursor://evil/oauth/callback\"],\"token_endpoint_auth_method\":\"none\"}}]}");

        Result result = run(profiles);

        assertThat(result.exit()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("FAIL client look-alike", "invalid_redirect_uri", "VERDICT: 1 failed");
    }

    private Result run(Path profiles) throws Exception {
        Path trustStore = dir.resolve("trust.p12");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("portcullis", Https.serverCertificate(AppServer.current()));
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            trust.store(out, "selftest".toCharArray());
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(
                        java.toString(),
                        "-Djavax.net.ssl.trustStore=" + trustStore,
                        "-Djavax.net.ssl.trustStorePassword=selftest",
                        "-Djavax.net.ssl.trustStoreType=PKCS12",
                        PROGRAM.toString(),
                        TokenApi.expectedResource(),
                        profiles.toString()))
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(
                process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output) {}
}
