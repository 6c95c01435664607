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
 * Access tokens for tests that only need some valid caller of {@code /mcp}: the operator-provisioned machine client
 * {@code it-service} ({@link MachineClientsFixture}) gets them from the built-in token endpoint with
 * {@code client_credentials}.
 */
public final class ServiceToken {

    private static final java.util.Map<String, String> ISSUED = new java.util.concurrent.ConcurrentHashMap<>();

    private ServiceToken() {}

    /** A token for {@code scope}, issued once per test run. */
    public static String of(AppServer server, String scope) throws Exception {
        String key = server.baseUrl() + " " + scope;
        String token = ISSUED.get(key);
        if (token == null) {
            token = issue(server, scope);
            ISSUED.put(key, token);
        }
        return token;
    }

    /** A fresh token for {@code scope} from the test server's provisioned machine client {@code it-service}. */
    public static String issue(AppServer server, String scope) throws Exception {
        MachineClientsFixture client = MachineClientsFixture.SERVICE;
        String basic = Base64.getEncoder()
                .encodeToString((URLEncoder.encode(client.clientId(), StandardCharsets.UTF_8) + ":"
                                + URLEncoder.encode(client.secret(), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = Https.client()
                .send(
                        HttpRequest.newBuilder(server.url("/oauth/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Authorization", "Basic " + basic)
                                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                                        + URLEncoder.encode(scope, StandardCharsets.UTF_8)))
                                .build(),
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
