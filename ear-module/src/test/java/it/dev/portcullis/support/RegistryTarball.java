package it.dev.portcullis.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One package version from the npm registry, fetched without npm: its registry metadata names the tarball and
 * its {@code sha512} integrity, the tarball is checked against it, and {@code tar} unpacks it.
 *
 * @see <a href="https://github.com/npm/registry/blob/main/docs/REGISTRY-API.md">npm registry API</a>
 */
public final class RegistryTarball {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30))
            .build();

    private RegistryTarball() {}

    /** Unpacks {@code name@version} into {@code target} (the tarball's {@code package/} directory becomes it). */
    public static void unpack(String registry, String name, String version, Path target)
            throws IOException, InterruptedException {
        JsonObject dist = metadata(registry, name, version).getJsonObject("dist");
        String integrity = dist.getString("integrity");
        if (!integrity.startsWith("sha512-")) {
            throw new IllegalStateException(name + "@" + version + " has no sha512 integrity: " + integrity);
        }
        Path tarball = Files.createTempFile(name, ".tgz");
        try {
            HttpResponse<Path> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(dist.getString("tarball")))
                            .timeout(Duration.ofMinutes(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofFile(tarball));
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "GET " + dist.getString("tarball") + " answered " + response.statusCode());
            }
            String actual = "sha512-" + Base64.getEncoder().encodeToString(sha512(tarball));
            if (!actual.equals(integrity)) {
                throw new IllegalStateException(name + "@" + version + " does not match the registry's integrity");
            }
            Files.createDirectories(target);
            Process tar = new ProcessBuilder(
                            List.of("tar", "-xzf", tarball.toString(), "-C", target.toString(), "--strip-components=1"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
                throw new IllegalStateException("tar could not unpack " + name + "@" + version);
            }
        } finally {
            Files.deleteIfExists(tarball);
        }
    }

    private static JsonObject metadata(String registry, String name, String version)
            throws IOException, InterruptedException {
        URI uri = URI.create(registry + "/" + name + "/" + version);
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofMinutes(1))
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
        }
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static byte[] sha512(Path file) throws IOException {
        try {
            return MessageDigest.getInstance("SHA-512").digest(Files.readAllBytes(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
