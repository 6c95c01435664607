package it.dev.portcullis.bench;

import it.dev.portcullis.support.AppServer;
import it.dev.portcullis.support.NodeRuntime;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The peer MCP servers of {@code src/benchmarks/peers}, each in a process of its own on a free loopback port, with the
 * Liberty server's own TLS key and certificate (so one trust store serves every target) and the built-in issuer's
 * JWKS: the Java SDK on Jetty (its classes and runtime classpath from that module's build) and the TypeScript SDK
 * on the pinned Node 22 (its locked packages installed with {@code npm ci}). Both serve {@code /mcp} open and
 * {@code /auth/mcp} behind their JWT check. Closing stops both.
 */
final class PeerServers implements AutoCloseable {

    static final String JAVA_SDK = System.getProperty("it.bench.java-sdk.version", "?");
    static final String JETTY = System.getProperty("it.bench.jetty.version", "?");
    static final String NIMBUS = System.getProperty("it.bench.nimbus.version", "?");
    static final String NODE = NodeRuntime.NODE;
    static final String TS_SDK;
    static final String JOSE;

    private static final Path PEERS = Path.of(System.getProperty("it.bench.peers.dir", "../../benchmarks/peers"));

    static {
        try {
            String packageJson = Files.readString(PEERS.resolve("src/main/node/package.json"));
            TS_SDK = dependency(packageJson, "@modelcontextprotocol/sdk");
            JOSE = dependency(packageJson, "jose");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final List<Process> processes = new ArrayList<>();
    private final Map<String, Long> pids = new LinkedHashMap<>();
    private URI java;
    private URI node;

    private PeerServers() {}

    static PeerServers start(AppServer server, Path work, Path jwks, String issuer, String audience) throws Exception {
        PeerServers peers = new PeerServers();
        try {
            peers.startJava(server, work, jwks, issuer, audience);
            peers.startNode(server, work, jwks, issuer, audience);
            return peers;
        } catch (Exception | Error e) {
            peers.close();
            throw e;
        }
    }

    URI java() {
        return java;
    }

    URI node() {
        return node;
    }

    private void startJava(AppServer server, Path work, Path jwks, String issuer, String audience) throws Exception {
        Path classes = PEERS.resolve("target/classes");
        String classpath = classes
                + File.pathSeparator
                + Files.readString(PEERS.resolve("target/runtime-classpath.txt"))
                        .trim();
        int port = freePort();
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        Process process = start(
                "java-sdk",
                work,
                List.of(
                        javaCommand,
                        "-cp",
                        classpath,
                        "dev.portcullis.bench.peers.JavaSdkPeer",
                        String.valueOf(port),
                        server.keystore().toString(),
                        jwks.toString(),
                        issuer,
                        audience),
                PEERS.toFile(),
                Map.of("PEER_KEYSTORE_PASSWORD", new String(server.keystorePassword())));
        java = URI.create("https://localhost:" + port);
        awaitReady(process, work.resolve("java-sdk.log"));
    }

    private void startNode(AppServer server, Path work, Path jwks, String issuer, String audience) throws Exception {
        NodeRuntime runtime = new NodeRuntime(Path.of(System.getProperty("it.conformance.tools"))).install();
        Path app = npmCi(runtime, PEERS.resolve("src/main/node"), work.resolve("ts-sdk"));
        Path key = work.resolve("tls-key.pem");
        Path certificate = work.resolve("tls-certificate.pem");
        exportPem(server, key, certificate);
        int port = freePort();
        Process process = start(
                "ts-sdk",
                work,
                List.of(
                        runtime.node().toString(),
                        "peer.mjs",
                        String.valueOf(port),
                        key.toString(),
                        certificate.toString(),
                        jwks.toString(),
                        issuer,
                        audience),
                app.toFile(),
                Map.of("NODE_ENV", "production"));
        node = URI.create("https://localhost:" + port);
        awaitReady(process, work.resolve("ts-sdk.log"));
    }

    private Process start(String name, Path work, List<String> command, File directory, Map<String, String> env)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile())
                .redirectInput(new File("/dev/null"));
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.add(process);
        pids.put(name, process.pid());
        return process;
    }

    private static void awaitReady(Process process, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains("READY")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("peer exited " + process.exitValue() + "; see " + log);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("peer not ready in 120 s; see " + log);
    }

    /** Copies the Node peer next to its own node_modules and installs the locked packages when the lock changed. */
    private static Path npmCi(NodeRuntime runtime, Path sources, Path app) throws Exception {
        Files.createDirectories(app);
        boolean lockChanged = !Files.exists(app.resolve("package-lock.json"))
                || Files.mismatch(sources.resolve("package-lock.json"), app.resolve("package-lock.json")) != -1;
        for (String file : List.of("package.json", "package-lock.json", "peer.mjs")) {
            Files.copy(sources.resolve(file), app.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!lockChanged && Files.isDirectory(app.resolve("node_modules"))) {
            return app;
        }
        ProcessBuilder npm = new ProcessBuilder(
                        runtime.node().toString(),
                        runtime.npmCli().toString(),
                        "ci",
                        "--no-audit",
                        "--no-fund",
                        "--registry",
                        NodeRuntime.REGISTRY)
                .directory(app.toFile())
                .redirectErrorStream(true)
                .redirectOutput(app.resolve("npm-ci.log").toFile())
                .redirectInput(new File("/dev/null"));
        npm.environment().put("PATH", runtime.node().getParent() + File.pathSeparator + System.getenv("PATH"));
        Process process = npm.start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("npm ci failed; see " + app.resolve("npm-ci.log"));
        }
        return app;
    }

    /** The server's TLS key (PKCS #8) and certificate as PEM, for Node; written only into the build's own folder. */
    private static void exportPem(AppServer server, Path key, Path certificate) throws Exception {
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(server.keystore())) {
            keystore.load(in, server.keystorePassword());
        }
        for (String alias : Collections.list(keystore.aliases())) {
            if (keystore.isKeyEntry(alias)) {
                Key privateKey = keystore.getKey(alias, server.keystorePassword());
                Files.writeString(key, pem("PRIVATE KEY", privateKey.getEncoded()));
                Files.writeString(
                        certificate,
                        pem("CERTIFICATE", keystore.getCertificate(alias).getEncoded()));
                return;
            }
        }
        throw new IllegalStateException("no key entry in " + server.keystore());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String dependency(String packageJson, String name) {
        Matcher version = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(packageJson);
        return version.find() ? version.group(1) : "?";
    }

    /**
     * Peak resident memory (Linux {@code VmHWM}, MB) of every server process of the run: Liberty (from its pid file)
     * and the peers.
     */
    Map<String, Long> peakRss() {
        Map<String, Long> peaks = new LinkedHashMap<>();
        Path pidFile = Path.of(
                System.getProperty("it.liberty.wlp.dir", "none"),
                "usr/servers/.pid",
                System.getProperty("it.liberty.server.name", "none") + ".pid");
        try {
            if (Files.exists(pidFile)) {
                peaks.put(
                        "Liberty (Portcullis, echo)",
                        vmHwm(Long.parseLong(Files.readString(pidFile).trim())));
            }
        } catch (IOException | NumberFormatException e) {
            // no figure then
        }
        pids.forEach((name, pid) -> {
            try {
                peaks.put(name.equals("java-sdk") ? "Java SDK (Jetty)" : "TypeScript SDK (Node)", vmHwm(pid));
            } catch (IOException e) {
                // no figure then
            }
        });
        return peaks;
    }

    private static long vmHwm(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
