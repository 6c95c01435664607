package it.dev.portcullis.idp;

import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.LibertyServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak ({@code org.keycloak:keycloak-quarkus-dist}, unpacked by the build under the root
 * {@code target/keycloak}) on 127.0.0.1 over HTTPS, in development mode with an in-memory database, the realm imported from
 * {@code src/it-idp/keycloak/portcullis-realm.json}. Keycloak takes a minute or more to start, so one instance
 * serves the whole test run: {@link #shared()} starts it on first use, and a shutdown hook stops it (with its
 * child processes) when the test JVM ends, also after a failure.
 *
 * <p>The realm file's placeholders are Keycloak's own environment substitution: {@code PORTCULLIS_ORIGIN} (the
 * Portcullis server that signs users in and whose {@code /mcp} is the audience) and the client secrets, random
 * per run.
 */
public final class Keycloak {

    public static final String REALM = "portcullis";
    public static final String PORTCULLIS_ORIGIN =
            "https://localhost:" + it.dev.portcullis.support.AlternateServer.HTTPS_PORT;

    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    private static Keycloak shared;

    private final int port;
    private final String loginClientSecret;
    private final String agentSecret;
    private final Process process;

    private Keycloak(int port, String loginClientSecret, String agentSecret, Process process) {
        this.port = port;
        this.loginClientSecret = loginClientSecret;
        this.agentSecret = agentSecret;
        this.process = process;
    }

    /** The run's Keycloak, started on {@code it.keycloak.port} on first use. */
    public static synchronized Keycloak shared() throws Exception {
        if (shared == null) {
            shared = start(Integer.getInteger("it.keycloak.port", 9880));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "stop keycloak"));
        }
        return shared;
    }

    /**
     * Keycloak needs Java 21 or newer while the build may run on 17: {@code it.keycloak.java.home} if set, else the
     * newest JDK of at least 21 under /usr/lib/jvm (read from each JDK's {@code release} file).
     */
    static Path javaHome() throws java.io.IOException {
        String configured = System.getProperty("it.keycloak.java.home", "").strip();
        if (!configured.isEmpty()) {
            return Path.of(configured);
        }
        Path best = null;
        int bestVersion = 20;
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (java.util.stream.Stream<Path> dirs = Files.list(jvms)) {
                for (Path dir : dirs.toList()) {
                    Path release = dir.resolve("release");
                    if (!Files.isReadable(release) || !Files.isExecutable(dir.resolve("bin/java"))) {
                        continue;
                    }
                    java.util.Properties props = new java.util.Properties();
                    try (java.io.Reader in = Files.newBufferedReader(release)) {
                        props.load(in);
                    }
                    String version = props.getProperty("JAVA_VERSION", "\"0\"").replace("\"", "");
                    int major = Integer.parseInt(version.split("[.+-]")[0]);
                    if (major > bestVersion) {
                        best = dir;
                        bestVersion = major;
                    }
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException(
                    "Keycloak needs Java 21 or newer: none under /usr/lib/jvm; " + "set it.keycloak.java.home");
        }
        return best;
    }

    private static Keycloak start(int port) throws Exception {
        Path home = Path.of(System.getProperty("it.keycloak.home", "target/keycloak"));
        Path javaHome = javaHome();
        if (!Files.isExecutable(home.resolve("bin/kc.sh")) || !Files.isExecutable(javaHome.resolve("bin/java"))) {
            throw new IllegalStateException("Keycloak needs " + home
                    + "/bin/kc.sh (the build unpacks it) and Java 21+ at " + javaHome + " (set it.keycloak.java.home)");
        }
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.copy(
                IdpFiles.keycloakRealm(),
                imports.resolve("portcullis-realm.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path log = IdpFiles.workDirectory("keycloak").resolve("keycloak.log");
        String loginClientSecret = UUID.randomUUID().toString();
        String agentSecret = UUID.randomUUID().toString();
        // HTTPS with the product server's generated key and certificate (CN localhost): Liberty's OIDC client
        // discovers providers over HTTPS only, and Liberty, Chromium and the tests already trust exactly that one.
        LibertyServer product = LibertyServer.current();
        ProcessBuilder builder = new ProcessBuilder(
                        home.resolve("bin/kc.sh").toString(),
                        "start-dev",
                        "--http-enabled=false",
                        "--http-host=127.0.0.1",
                        "--https-port=" + port,
                        "--https-key-store-file=" + product.keystore(),
                        "--http-management-port=" + (port + 1),
                        "--db=dev-mem",
                        "--import-realm")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment()
                .putAll(Map.of(
                        "JAVA_HOME", javaHome.toString(),
                        "KC_HTTPS_KEY_STORE_PASSWORD", new String(product.keystorePassword()),
                        "PORTCULLIS_ORIGIN", PORTCULLIS_ORIGIN,
                        "PORTCULLIS_LOGIN_CLIENT_SECRET", loginClientSecret,
                        "MCP_AGENT_SECRET", agentSecret));
        Keycloak keycloak = new Keycloak(port, loginClientSecret, agentSecret, builder.start());
        keycloak.awaitRealm(log);
        // For .ci/run, which stops what a killed test JVM could not: the script and its JVM.
        Files.writeString(
                log.resolveSibling("keycloak.pids"),
                String.join(
                                "\n",
                                java.util.stream.Stream.concat(
                                                java.util.stream.Stream.of(keycloak.process.toHandle()),
                                                keycloak.process.descendants())
                                        .map(handle -> String.valueOf(handle.pid()))
                                        .toList())
                        + "\n");
        return keycloak;
    }

    /** The realm's issuer, e.g. {@code https://localhost:9880/realms/portcullis}. */
    public String issuer() {
        return "https://localhost:" + port + "/realms/" + REALM;
    }

    public String discoveryUrl() {
        return issuer() + "/.well-known/openid-configuration";
    }

    public String jwksUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** The secret of the client Portcullis signs users in with ({@code portcullis}). */
    public String loginClientSecret() {
        return loginClientSecret;
    }

    /** The secret of the service clients ({@code mcp-agent}, {@code mcp-reader}, {@code unrelated-app}). */
    public String agentSecret() {
        return agentSecret;
    }

    /** A client-credentials access token for one of the service clients, from Keycloak's token endpoint. */
    public String clientCredentialsToken(String clientId) throws Exception {
        String basic = java.util.Base64.getEncoder()
                .encodeToString((clientId + ":" + agentSecret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> response = Https.client()
                .send(
                        HttpRequest.newBuilder(URI.create(tokenEndpoint()))
                                .header("Authorization", "Basic " + basic)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("Keycloak refused client credentials for " + clientId + ": " + response.body());
        }
        return McpClientJourney.json(response.body()).getString("access_token");
    }

    private void awaitRealm(Path log) throws Exception {
        HttpClient http = Https.client();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(discoveryUrl()))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        stop();
        throw new IllegalStateException(
                "Keycloak did not serve realm " + REALM + " within " + START_TIMEOUT + "; see " + log);
    }

    /** kc.sh starts the JVM as its child: stop the children first, then the script. */
    private void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
