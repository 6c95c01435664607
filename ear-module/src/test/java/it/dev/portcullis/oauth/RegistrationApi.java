package it.dev.portcullis.oauth;

import it.dev.portcullis.support.AppServer;
import it.dev.portcullis.support.Https;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** The registration endpoints over HTTPS, as a client sees them. */
final class RegistrationApi {

    // The test server's issuer follows its port (ear-module/pom.xml), so a build on moved ports stays consistent.
    static final String DEFAULT_ISSUER = AppServer.current().baseUrl().toString();

    private final AppServer server;

    RegistrationApi(AppServer server) {
        this.server = server;
    }

    /** The issuer the server under test was configured with: PORTCULLIS_ISSUER when set (the server inherits it), else the default. */
    static String expectedIssuer() {
        String configured = System.getenv("PORTCULLIS_ISSUER");
        return configured == null || configured.isBlank() ? DEFAULT_ISSUER : configured.trim();
    }

    /** A client name no other test uses, so tests never see each other's clients. */
    static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID();
    }

    HttpResponse<String> register(String body) throws IOException, InterruptedException {
        return register(body, null, "application/json");
    }

    HttpResponse<String> register(String body, String bearer, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url("/oauth/register"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    HttpResponse<String> read(String clientId, String token) throws IOException, InterruptedException {
        return send(configuration(clientId, token).GET());
    }

    HttpResponse<String> update(String clientId, String token, String body) throws IOException, InterruptedException {
        return send(configuration(clientId, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> delete(String clientId, String token) throws IOException, InterruptedException {
        return send(configuration(clientId, token).DELETE());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(server.url(path)).GET());
    }

    static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private HttpRequest.Builder configuration(String clientId, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url("/oauth/register/" + clientId));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return Https.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
