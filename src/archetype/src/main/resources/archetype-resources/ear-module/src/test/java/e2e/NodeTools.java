package ${package}.e2e;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Node 22 and npm, fetched once from the npm registry as tarballs checked against the registry's {@code sha512}
 * integrity (so a JDK is all the build needs), and the SDK client's locked dependencies installed by {@code npm ci}.
 * The machine's own Node, if any, is never used: its version is not ours to pin.
 */
final class NodeTools {

    static final String NODE = "22.23.3";
    static final String NPM = "10.9.3";

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30)).build();

    private final Path tools;
    private final String registry;

    NodeTools(Path tools, String registry) {
        this.tools = tools;
        this.registry = registry;
    }

    NodeTools install() throws Exception {
        if (!Files.isExecutable(node())) {
            String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
            unpack("node-linux-" + (arch.contains("aarch64") || arch.contains("arm64") ? "arm64" : "x64"), NODE,
                    tools.resolve("node"));
        }
        if (!Files.exists(npmCli())) {
            unpack("npm", NPM, tools.resolve("npm"));
        }
        return this;
    }

    Path node() {
        return tools.resolve("node/bin/node");
    }

    private Path npmCli() {
        return tools.resolve("npm/bin/npm-cli.js");
    }

    /** Copies the client next to its own node_modules and runs npm ci unless the lock file is unchanged. */
    Path npmCi(Path sources, Path client) throws Exception {
        Files.createDirectories(client);
        boolean lockChanged = !Files.exists(client.resolve("package-lock.json"))
                || Files.mismatch(sources.resolve("package-lock.json"), client.resolve("package-lock.json")) != -1;
        try (var files = Files.list(sources)) {
            for (Path file : files.toList()) {
                Files.copy(file, client.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (lockChanged || !Files.isDirectory(client.resolve("node_modules"))) {
            Path log = client.resolveSibling("npm-ci.log");
            // --prefer-offline: packages already in npm's cache are not fetched again.
            ProcessBuilder npm = new ProcessBuilder(node().toString(), npmCli().toString(), "ci", "--no-audit",
                    "--no-fund", "--prefer-offline", "--registry", registry).directory(client.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(new File("/dev/null"));
            npm.environment().put("PATH", node().getParent() + File.pathSeparator + System.getenv("PATH"));
            McpClientIT.requireSuccess(npm.start(), log, "npm ci");
        }
        return client;
    }

    private void unpack(String name, String version, Path target) throws Exception {
        JsonObject dist;
        HttpResponse<String> metadata = HTTP.send(HttpRequest.newBuilder(URI.create(registry + "/" + name + "/" + version))
                .header("Accept", "application/json").timeout(Duration.ofMinutes(1)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (metadata.statusCode() != 200) {
            throw new IllegalStateException(name + "@" + version + ": the registry answered " + metadata.statusCode());
        }
        try (JsonReader reader = Json.createReader(new StringReader(metadata.body()))) {
            dist = reader.readObject().getJsonObject("dist");
        }
        Path tarball = Files.createTempFile(name, ".tgz");
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(dist.getString("tarball"))).timeout(Duration.ofMinutes(5)).build(),
                    HttpResponse.BodyHandlers.ofFile(tarball));
            String actual = "sha512-" + Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-512").digest(Files.readAllBytes(tarball)));
            if (!actual.equals(dist.getString("integrity"))) {
                throw new IllegalStateException(name + "@" + version + " does not match the registry's integrity");
            }
            Files.createDirectories(target);
            Path log = Files.createTempFile("tar", ".log");
            McpClientIT.requireSuccess(new ProcessBuilder(List.of("tar", "-xzf", tarball.toString(), "-C",
                    target.toString(), "--strip-components=1")).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start(), log, "unpacking " + name);
        } finally {
            Files.deleteIfExists(tarball);
        }
    }
}
