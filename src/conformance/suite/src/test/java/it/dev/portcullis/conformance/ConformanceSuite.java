package it.dev.portcullis.conformance;

import it.dev.portcullis.support.NodeRuntime;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Installs (once, from the npm registry) a Node 22 binary, npm, and both pinned versions of
 * {@code @modelcontextprotocol/conformance}; runs a suite and reads its per-scenario {@code checks.json}.
 * Nothing but a JDK is needed: Node and npm are fetched as registry tarballs, checked against the registry's
 * SHA-512 integrity, and unpacked with {@code tar}; npm then installs the suites.
 */
final class ConformanceSuite {

    static final String V016 = "0.1.16";
    static final String V020 = "0.2.0-alpha.12";
    private static final String REGISTRY = NodeRuntime.REGISTRY;

    private final Path tools;
    private final Path reports;

    ConformanceSuite(Path tools, Path reports) {
        this.tools = tools;
        this.reports = reports;
    }

    static ConformanceSuite fromSystemProperties() {
        return new ConformanceSuite(
                Path.of(System.getProperty("it.conformance.tools")),
                Path.of(System.getProperty("it.conformance.reports")));
    }

    /** Installs the tools unless an earlier build did. */
    void install() throws IOException, InterruptedException {
        if (Files.isExecutable(node()) && Files.exists(suite("c016")) && Files.exists(suite("c020"))) {
            return;
        }
        Files.createDirectories(tools);
        Files.writeString(tools.resolve("package.json"), "{\"name\":\"conformance-tools\",\"private\":true}");
        new NodeRuntime(tools).install();
        run(
                List.of(
                        node().toString(),
                        tools.resolve("npm/bin/npm-cli.js").toString(),
                        "install",
                        "--no-audit",
                        "--no-fund",
                        "--registry",
                        REGISTRY,
                        "--prefix",
                        tools.toString(),
                        "c016@npm:@modelcontextprotocol/conformance@" + V016,
                        "c020@npm:@modelcontextprotocol/conformance@" + V020),
                tools.resolve("npm-install.log"),
                Duration.ofMinutes(10));
        if (!Files.isExecutable(node()) || !Files.exists(suite("c016")) || !Files.exists(suite("c020"))) {
            throw new IllegalStateException(
                    "npm could not install the conformance suites; see " + tools.resolve("npm-install.log"));
        }
    }

    /** Runs {@code conformance server} of one version with extra arguments; returns the checks by scenario. */
    Map<String, List<JsonObject>> run(String alias, String label, String url, Path certificate, List<String> arguments)
            throws IOException, InterruptedException {
        Path output = reports.resolve(label);
        if (Files.exists(output)) {
            try (Stream<Path> old = Files.walk(output)) {
                old.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(output);
        List<String> command = new ArrayList<>(
                List.of(node().toString(), suite(alias).toString(), "server", "--url", url, "-o", output.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("NODE_EXTRA_CA_CERTS", certificate.toString());
        runProcess(builder, reports.resolve(label + ".log"), Duration.ofMinutes(8));
        return checks(output);
    }

    /**
     * Runs {@code conformance authorization} of 0.2.0 against {@code issuer} with a pre-registered public client.
     * The suite prints the authorization URL and waits for its callback on {@code 127.0.0.1:port}; {@code login}
     * gets that URL and plays the user (in a real browser), while the suite's output goes on to the log.
     */
    Map<String, List<JsonObject>> authorization(
            String label,
            String issuer,
            String clientId,
            String resource,
            int port,
            Path certificate,
            java.util.function.Consumer<String> login)
            throws Exception {
        Path output = reports.resolve(label);
        Files.createDirectories(output);
        ProcessBuilder builder = new ProcessBuilder(
                        node().toString(),
                        suite("c020").toString(),
                        "authorization",
                        "--url",
                        issuer,
                        "--client-id",
                        clientId,
                        "--resource",
                        resource,
                        "--port",
                        String.valueOf(port),
                        "-o",
                        output.toString())
                .redirectErrorStream(true)
                .redirectInput(new File("/dev/null"));
        builder.environment().put("NODE_EXTRA_CA_CERTS", certificate.toString());
        Process process = builder.start();
        java.util.concurrent.CompletableFuture<Void> browser = null;
        try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                        process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
                java.io.Writer log = Files.newBufferedWriter(reports.resolve(label + ".log"))) {
            String line;
            while ((line = lines.readLine()) != null) {
                log.write(line + System.lineSeparator());
                log.flush();
                String url = line.strip();
                if (browser == null && url.startsWith(issuer) && url.contains("response_type=code")) {
                    browser = java.util.concurrent.CompletableFuture.runAsync(() -> login.accept(url));
                }
            }
        } finally {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        }
        if (browser != null) {
            browser.get(2, TimeUnit.MINUTES); // a failed login fails the test with its own message
        }
        return checks(output);
    }

    private static Map<String, List<JsonObject>> checks(Path output) throws IOException {
        Map<String, List<JsonObject>> byScenario = new TreeMap<>();
        try (Stream<Path> files = Files.walk(output)) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals("checks.json"))
                    .toList()) {
                try (JsonReader reader = Json.createReader(Files.newBufferedReader(file))) {
                    JsonArray checks = reader.readArray();
                    String scenario = output.relativize(file.getParent())
                            .toString()
                            .replaceFirst("^server-", "")
                            .replaceFirst("-\\d{4}-\\d{2}-\\d{2}T[0-9-]+Z$", "");
                    byScenario.put(scenario, checks.getValuesAs(JsonObject.class));
                }
            }
        }
        return byScenario;
    }

    private Path node() {
        return tools.resolve("node/bin/node");
    }

    private Path suite(String alias) {
        return tools.resolve("node_modules").resolve(alias).resolve("dist/index.js");
    }

    private static void run(List<String> command, Path log, Duration timeout) throws IOException, InterruptedException {
        runProcess(new ProcessBuilder(command), log, timeout);
    }

    private static void runProcess(ProcessBuilder builder, Path log, Duration timeout)
            throws IOException, InterruptedException {
        builder.redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(new File("/dev/null"));
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", builder.command()) + " timed out; see " + log);
        }
    }
}
