package it.dev.portcullis.support;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The MCP client of {@code src/e2e/client}: the official TypeScript SDK, unmodified and with its own OAuth
 * implementation, under the pinned Node 22, with playwright-core driving Debian's Chromium as the user. Its
 * dependencies are installed with {@code npm ci} from the one committed {@code package-lock.json}, into a work
 * directory of the module that runs it ({@code it.e2e.work.dir}): the end-to-end journeys ({@code src/e2e}) and the
 * realm journeys ({@code ear-module}, which need the LDAP directory and Keycloak that only that module starts).
 *
 * <p>Node trusts the server's certificate through {@code NODE_EXTRA_CA_CERTS} and Chromium pins its SPKI hash;
 * nothing turns TLS checks off.
 */
public final class SdkClient {

    private final Path work;
    private final Path client;
    private final NodeRuntime node;
    private final String certificate;

    private SdkClient(Path work, NodeRuntime node, String certificate) {
        this.work = work;
        this.client = work.resolve("client");
        this.node = node;
        this.certificate = certificate;
    }

    /**
     * Node (once per build, into {@code it.node.tools}) and the client's locked dependencies (again only when the
     * lock file changed), with the server's certificate exported as PEM for Node and Chromium.
     */
    public static SdkClient install() throws IOException, InterruptedException {
        Https.trustingServer(AppServer.current()); // writes it.server.certificate.pem
        NodeRuntime node = new NodeRuntime(Path.of(System.getProperty("it.node.tools"))).install();
        SdkClient sdk = new SdkClient(
                Path.of(System.getProperty("it.e2e.work.dir")), node, System.getProperty("it.server.certificate.pem"));
        sdk.npmCi(Path.of(System.getProperty("it.e2e.client.sources")));
        return sdk;
    }

    /**
     * Runs {@code node journey.mjs <scenario>} against the MCP endpoint {@code mcp}, with the scenario's own
     * {@code settings} in its environment, and checks that it proved {@code steps} in order. The transcript is
     * {@code logs/<label>.log}. Returns each step's detail.
     */
    public Map<String, String> run(
            String scenario, String label, URI mcp, Map<String, String> settings, List<String> steps)
            throws IOException, InterruptedException {
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("NODE_EXTRA_CA_CERTS", certificate);
        environment.put("E2E_CERT_PEM", certificate);
        environment.put("E2E_MCP_URL", mcp.toString());
        environment.put("E2E_WORK_DIR", work.toString());
        environment.put("E2E_LABEL", label);
        environment.put("E2E_CHROMIUM", System.getProperty("it.chromium", "/usr/bin/chromium"));
        Path logs = Files.createDirectories(work.resolve("logs"));
        return new NodeScenario(
                        List.of(node.node().toString(), "journey.mjs", scenario),
                        client,
                        environment,
                        logs.resolve(label + ".log"))
                .runExpecting(steps);
    }

    /** Copies the client's sources next to their own node_modules and installs the locked dependencies. */
    private void npmCi(Path sources) throws IOException, InterruptedException {
        Files.createDirectories(client);
        boolean lockChanged = !Files.exists(client.resolve("package-lock.json"))
                || Files.mismatch(sources.resolve("package-lock.json"), client.resolve("package-lock.json")) != -1;
        try (var files = Files.list(sources)) {
            for (Path file : files.filter(
                            f -> f.toString().endsWith(".mjs") || f.toString().endsWith(".json"))
                    .toList()) {
                Files.copy(file, client.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!lockChanged && Files.isDirectory(client.resolve("node_modules"))) {
            return;
        }
        ProcessBuilder npm = new ProcessBuilder(
                        node.node().toString(),
                        node.npmCli().toString(),
                        "ci",
                        "--no-audit",
                        "--no-fund",
                        "--registry",
                        NodeRuntime.REGISTRY)
                .directory(client.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("npm-ci.log").toFile())
                .redirectInput(new File("/dev/null"));
        // The PATH puts the pinned Node first, so npm's scripts never meet the machine's Node.
        npm.environment().put("PATH", node.node().getParent() + File.pathSeparator + System.getenv("PATH"));
        Process process = npm.start();
        if (!process.waitFor(Duration.ofMinutes(10).toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("npm ci failed; see " + work.resolve("npm-ci.log"));
        }
    }
}
