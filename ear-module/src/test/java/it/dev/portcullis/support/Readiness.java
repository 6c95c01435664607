package it.dev.portcullis.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The application's database readiness check, as {@code /health/ready} reports it. */
public record Readiness(String status, String installation, long starts, String schemaVersion) {

    public static Readiness read(AppServer server) throws IOException, InterruptedException {
        HttpResponse<String> response = Https.client()
                .send(
                        HttpRequest.newBuilder(server.url("/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonObject body;
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            body = reader.readObject();
        }
        JsonObject database = body.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> "database".equals(check.getString("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no database check in " + response.body()));
        JsonObject data = database.getJsonObject("data");
        return new Readiness(
                database.getString("status"),
                data.getString("installation"),
                data.getJsonNumber("starts").longValue(),
                data.getString("schemaVersion"));
    }
}
