package it.dev.portcullis.cluster;

import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.LibertyServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Liberty server of the cluster: a copy of the second server the build creates with the same EAR
 * ({@code it.liberty.misconfigured.server.name}: its server.xml, includes, jvm.options, lib and apps), under a name
 * of its own, with the product server's TLS key (so the balancer can check it against one certificate) and the
 * environment the cluster gives every node.
 */
final class ClusterNode implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    private final Path wlp = Path.of(System.getProperty("it.liberty.wlp.dir"));
    private final String name;
    private final int httpsPort;

    ClusterNode(String name, int httpsPort) {
        this.name = name;
        this.httpsPort = httpsPort;
    }

    String name() {
        return name;
    }

    int httpsPort() {
        return httpsPort;
    }

    Path directory() {
        return wlp.resolve("usr/servers").resolve(name);
    }

    /** The node's own URL, past the balancer. */
    URI url(String path) {
        return URI.create("https://localhost:" + httpsPort + path);
    }

    Path accessLog() {
        return directory().resolve("logs/http_access.log");
    }

    Path ltpaKeys() {
        return directory().resolve("resources/security/ltpa.keys");
    }

    /** Makes the server folder afresh from the build's template server. */
    void create() throws IOException {
        Path template = wlp.resolve("usr/servers").resolve(System.getProperty("it.liberty.misconfigured.server.name"));
        Path target = directory();
        if (Files.exists(target)) {
            try (Stream<Path> old = Files.walk(target)) {
                old.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
        try (Stream<Path> files = Files.walk(template)) {
            for (Path source : files.toList()) {
                Path relative = template.relativize(source);
                String first = relative.getNameCount() > 0 ? relative.getName(0).toString() : "";
                if (List.of("workarea", "logs", "resources", "data").contains(first)) {
                    continue;
                }
                Path copy = target.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else if (!relative.startsWith("apps/expanded")) {
                    Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        // Like every server the build creates: trace.log, where Liberty puts the messages liberty-config mutes (some
        // quote a rejected token), is a link to /dev/null.
        Files.createDirectories(target.resolve("logs"));
        Files.createSymbolicLink(target.resolve("logs/trace.log"), Path.of("/dev/null"));
        LibertyServer product = LibertyServer.current();
        Path security = Files.createDirectories(target.resolve("resources/security"));
        Files.copy(product.keystore(), security.resolve("key.p12"), StandardCopyOption.REPLACE_EXISTING);
        List<String> env = new ArrayList<>(Files.readAllLines(target.resolve("server.env")));
        env.removeIf(line -> line.startsWith("keystore_password="));
        env.add("keystore_password=" + new String(product.keystorePassword()));
        Files.write(target.resolve("server.env"), env);
    }

    /** Starts the server with the cluster's environment and waits until its own {@code /health/ready} is UP. */
    void start(Map<String, String> environment) throws Exception {
        Map<String, String> env = new HashMap<>(environment);
        env.put("HTTPS_PORT", String.valueOf(httpsPort));
        env.put("HTTP_PORT", "-1");
        script("start", env);
        awaitReady();
    }

    void awaitReady() throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> ready = Https.client()
                        .send(
                                HttpRequest.newBuilder(url("/health/ready"))
                                        .timeout(Duration.ofSeconds(10))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("cluster node " + name + " was not ready within " + TIMEOUT + "; see "
                + directory().resolve("logs/messages.log"));
    }

    /** The node's JVM. */
    ProcessHandle process() throws IOException {
        long pid = Long.parseLong(Files.readString(wlp.resolve("usr/servers/.pid/" + name + ".pid"))
                .trim());
        return ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
    }

    /** {@code kill -9}: the JVM ends without any shutdown. */
    void kill() throws Exception {
        long pid = Long.parseLong(Files.readString(wlp.resolve("usr/servers/.pid/" + name + ".pid"))
                .trim());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
        process.destroyForcibly();
        process.onExit().get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        script("stop", Map.of());
    }

    private void script(String action, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(wlp.resolve("bin/server").toString(), action, name)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("server " + action + " " + name + " did not finish");
        }
    }
}
