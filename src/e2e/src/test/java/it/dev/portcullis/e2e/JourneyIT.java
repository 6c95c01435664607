package it.dev.portcullis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.LibertyServer;
import it.dev.portcullis.support.NodeRuntime;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The official MCP TypeScript SDK clients, unmodified and with their own OAuth implementation, against the product
 * EAR: discovery, registration, login and consent in Chromium, PKCE, tools, a Liberty restart, step-up, refresh
 * and revocation, in both protocol eras; plus a confidential client, a CIMD client and a client whose registration
 * was deleted. Node trusts Liberty's certificate through {@code NODE_EXTRA_CA_CERTS}; nothing turns TLS checks off.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneyIT {

    private static final List<String> JOURNEY = List.of("discovery", "registration", "authorization", "token", "read",
            "restart", "step-up", "refresh", "revoke");

    private static final LibertyServer SERVER = LibertyServer.current();
    private static Path work;
    private static Path client;
    private static NodeRuntime node;
    private static MetadataDocumentServer metadataDocuments;

    @BeforeAll
    static void installClients() throws Exception {
        Https.trustingServer(SERVER); // exports the certificate as PEM for Node, Chromium and the CIMD trust
        work = Path.of(System.getProperty("it.e2e.work.dir"));
        client = work.resolve("client");
        node = new NodeRuntime(Path.of(System.getProperty("it.node.tools"))).install();
        npmCi(Path.of(System.getProperty("it.e2e.client.sources")));
        metadataDocuments = new MetadataDocumentServer(SERVER, Integer.getInteger("it.e2e.cimd.port"));
    }

    @AfterAll
    static void stopDocumentServer() {
        if (metadataDocuments != null) {
            metadataDocuments.close();
        }
    }

    @Test
    @Order(1)
    void legacyEraWithSdk1() throws Exception {
        run("sdk1-legacy", JOURNEY);
    }

    @Test
    @Order(2)
    void legacyEraWithClient2() throws Exception {
        run("client2-legacy", JOURNEY.stream().filter(step -> !step.equals("restart")).toList());
    }

    @Test
    @Order(3)
    void modernEraWithClient2() throws Exception {
        run("client2-modern", JOURNEY);
    }

    @Test
    @Order(4)
    void confidentialClientWithClientCredentials() throws Exception {
        run("confidential", List.of("registration", "client-credentials", "tools"));
    }

    @Test
    @Order(5)
    void clientIdMetadataDocumentClient() throws Exception {
        int before = metadataDocuments.fetches();
        run("cimd", List.of("discovery", "registration", "authorization", "token", "read"));
        assertThat(metadataDocuments.fetches()).as("the server fetched the metadata document").isGreaterThan(before);
    }

    @Test
    @Order(6)
    void staleClientRegistersAgain() throws Exception {
        run("stale-client", List.of("delete-registration", "re-registration"));
    }

    private static Map<String, String> run(String scenario, List<String> steps) throws Exception {
        Map<String, String> environment = new HashMap<>();
        String certificate = System.getProperty("it.server.certificate.pem");
        environment.put("NODE_EXTRA_CA_CERTS", certificate);
        environment.put("E2E_CERT_PEM", certificate);
        environment.put("E2E_MCP_URL", SERVER.url("/mcp").toString());
        environment.put("E2E_CIMD_URL", metadataDocuments.url().toString());
        environment.put("E2E_WORK_DIR", work.toString());
        environment.put("E2E_CHROMIUM", System.getProperty("it.chromium", "/usr/bin/chromium"));
        Path logs = Files.createDirectories(work.resolve("logs"));
        return new NodeScenario(List.of(node.node().toString(), "journey.mjs", scenario), client, environment,
                logs.resolve(scenario + ".log")).runExpecting(steps);
    }

    /** Copies the client's sources next to their own node_modules and installs the locked dependencies. */
    private static void npmCi(Path sources) throws IOException, InterruptedException {
        Files.createDirectories(client);
        boolean lockChanged = !Files.exists(client.resolve("package-lock.json"))
                || Files.mismatch(sources.resolve("package-lock.json"), client.resolve("package-lock.json")) != -1;
        try (var files = Files.list(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".mjs") || f.toString().endsWith(".json")).toList()) {
                Files.copy(file, client.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!lockChanged && Files.isDirectory(client.resolve("node_modules"))) {
            return;
        }
        ProcessBuilder npm = new ProcessBuilder(node.node().toString(), node.npmCli().toString(), "ci", "--no-audit",
                "--no-fund", "--registry", NodeRuntime.REGISTRY).directory(client.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("npm-ci.log").toFile()).redirectInput(new File("/dev/null"));
        // The PATH puts the pinned Node first, so npm's scripts never meet the machine's Node.
        npm.environment().put("PATH", node.node().getParent() + File.pathSeparator + System.getenv("PATH"));
        Process process = npm.start();
        if (!process.waitFor(Duration.ofMinutes(10).toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("npm ci failed; see " + work.resolve("npm-ci.log"));
        }
    }
}
