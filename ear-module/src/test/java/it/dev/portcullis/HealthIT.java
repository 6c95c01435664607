package it.dev.portcullis;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.LibertyServer;
import it.dev.portcullis.support.Readiness;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Health endpoints over HTTPS, and what plain HTTP may and may not reach. */
class HealthIT {

    private final LibertyServer server = LibertyServer.current();

    @Test
    void readyWhenDatabaseUpThenReportsInstallationAndSchema() throws Exception {
        HttpResponse<String> response = get(server.url("/health/ready"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        Readiness readiness = Readiness.read(server);
        assertThat(readiness.status()).isEqualTo("UP");
        assertThat(readiness.installation()).matches("[0-9a-f-]{36}");
        assertThat(readiness.starts()).isPositive();
        assertThat(readiness.schemaVersion()).isEqualTo(newestMigration());
        assertThat(checkNames(response.body()))
                .as("each check once, though both web modules see the EJB module")
                .containsExactly("database");
    }

    @Test
    void liveWhenServerRunsThenUp() throws Exception {
        HttpResponse<String> response = get(server.url("/health/live"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
        assertThat(response.body())
                .as("the unused-client cleanup's counts")
                .contains("\"client-cleanup\"", "\"removedNeverUsed\"", "\"removedUnused\"");
        assertThat(checkNames(response.body())).containsExactly("client-cleanup");
    }

    @Test
    void plainHttpWhenHealthThenServed() throws Exception {
        HttpResponse<String> response = plainHttp("/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void plainHttpWhenApplicationPathThenRedirectedToHttps() throws Exception {
        HttpResponse<String> response = plainHttp("/.well-known/oauth-authorization-server?x=1");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location"))
                .hasValue("https://localhost:" + server.baseUrl().getPort()
                        + "/.well-known/oauth-authorization-server?x=1");
    }

    @Test
    void httpsWhenApplicationAnswersThenStrictTransportSecurityOnEveryModule() throws Exception {
        for (String path : java.util.List.of(
                "/mcp", "/.well-known/oauth-authorization-server", "/oauth/jwks", "/oauth/login", "/no-such-thing")) {
            HttpResponse<String> response = get(server.url(path));

            assertThat(response.headers().firstValue("Strict-Transport-Security"))
                    .as(path + " (" + response.statusCode() + ")")
                    .hasValue("max-age=31536000");
        }
    }

    @Test
    void plainHttpWhenRedirectedThenNoStrictTransportSecurity() throws Exception {
        // RFC 6797 section 7.2: HSTS only over a secure transport.
        assertThat(plainHttp("/mcp").headers().firstValue("Strict-Transport-Security"))
                .isEmpty();
    }

    @Test
    void unknownPathWhenRequestedThenPlain404WithoutServerDetails() throws Exception {
        HttpResponse<String> response = get(server.url("/no-such-thing"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Server")).isEmpty();
        assertThat(response.body()).doesNotContainIgnoringCase("liberty").doesNotContain("Exception");
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return Https.client().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> plainHttp(String path) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + server.httpPort() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The newest Flyway migration in the sources: several engineers add migrations, so no number is hard-coded. */
    /** The newest version among the common migrations and the Derby ones (the suite server runs on Derby). */
    private static String newestMigration() throws java.io.IOException {
        java.nio.file.Path db = java.nio.file.Path.of("../src/core/src/main/resources/db");
        try (java.util.stream.Stream<java.nio.file.Path> files = java.util.stream.Stream.concat(
                java.nio.file.Files.list(db.resolve("migration")),
                java.nio.file.Files.list(db.resolve("vendor/derby")))) {
            return String.valueOf(files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .max()
                    .orElseThrow());
        }
    }

    private static List<String> checkNames(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .map(check -> check.getString("name"))
                    .toList();
        }
    }
}
