package ${package}.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The whole path a real user takes, against the EAR on Liberty over HTTPS: the official MCP TypeScript SDK client
 * ({@code src/e2e/client/call-tool.mjs}) discovers the authorization server, registers, sends the user through login
 * and consent in headless Chromium (PKCE), and calls {@code add_note} and {@code recent_notes} with its token; the
 * note it wrote carries the user's name, which the EJB's {@code @RolesAllowed} method took from the token.
 */
class McpClientIT {

    private static final Path CHROMIUM = Path.of(System.getProperty("it.chromium", "/usr/bin/chromium"));

    @Test
    void theSdkClientSignsInThroughOAuthAndCallsTheTools() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) || System.getenv("CI") != null,
                "Chromium (Debian package chromium) is missing: the browser journey is skipped outside CI");
        Path work = Files.createDirectories(Path.of(System.getProperty("it.work.dir")));
        String baseUrl = System.getProperty("it.base.url");
        Path certificate = ServerCertificate.exportPem(Path.of(System.getProperty("it.server.dir")),
                work.resolve("server-certificate.pem"));
        ServerCertificate.awaitReady(baseUrl + "/health/ready", certificate);
        NodeTools node = new NodeTools(Path.of(System.getProperty("it.node.tools")),
                System.getProperty("it.npm.registry")).install();
        Path client = node.npmCi(Path.of(System.getProperty("it.client.sources")), work.resolve("client"));

        Path log = work.resolve("call-tool.log");
        ProcessBuilder run = new ProcessBuilder(List.of(node.node().toString(), "call-tool.mjs"))
                .directory(client.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(new File("/dev/null"));
        run.environment().put("E2E_MCP_URL", baseUrl + "/mcp");
        run.environment().put("E2E_CERT_PEM", certificate.toString());
        run.environment().put("NODE_EXTRA_CA_CERTS", certificate.toString());
        run.environment().put("E2E_WORK_DIR", work.toString());
        run.environment().put("E2E_CHROMIUM", CHROMIUM.toString());
        Process process = run.start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String transcript = Files.readString(log);

        assertTrue(finished, "the client did not finish in 5 minutes:\n" + transcript);
        assertEquals(0, process.exitValue(), "the client failed:\n" + transcript);
        for (String step : List.of("oauth", "tools/list", "add_note", "recent_notes", "resource+prompt")) {
            assertTrue(transcript.contains("STEP " + step + " ok"), "step " + step + " missing:\n" + transcript);
        }
    }

    static void requireSuccess(Process process, Path log, String what) throws IOException, InterruptedException {
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(what + " failed; see " + log);
        }
    }
}
