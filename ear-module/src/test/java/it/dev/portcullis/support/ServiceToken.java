package it.dev.portcullis.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Access tokens for tests that only need some valid caller of {@code /mcp}: a confidential client registered
 * through DCR gets them from the built-in token endpoint with {@code client_credentials}.
 */
public final class ServiceToken {

    private static final java.util.Map<String, String> ISSUED = new java.util.concurrent.ConcurrentHashMap<>();

    private ServiceToken() {
    }

    /** A token for {@code scope}, issued once per test run (registrations are rate-limited on the test server). */
    public static String of(LibertyServer server, String scope) throws Exception {
        String key = server.baseUrl() + " " + scope;
        String token = ISSUED.get(key);
        if (token == null) {
            token = issue(server, scope);
            ISSUED.put(key, token);
        }
        return token;
    }

    /** A fresh token for {@code scope} from a newly registered service client of {@code server}. */
    public static String issue(LibertyServer server, String scope) throws Exception {
        HttpResponse<String> registered = Https.client().send(HttpRequest.newBuilder(server.url("/oauth/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"client_name\":\"it-service-" + System.nanoTime()
                        + "\",\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":"
                        + "\"client_secret_basic\",\"scope\":\"" + scope + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (registered.statusCode() != 201) {
            throw new AssertionError("registration failed: " + registered.statusCode() + " " + registered.body());
        }
        JsonObject client = json(registered.body());
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(client.getString("client_id"),
                StandardCharsets.UTF_8) + ":" + URLEncoder.encode(client.getString("client_secret"),
                StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = Https.client().send(HttpRequest.newBuilder(server.url("/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + URLEncoder.encode(scope, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new AssertionError("token request failed: " + token.statusCode() + " " + token.body());
        }
        return json(token.body()).getString("access_token");
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
