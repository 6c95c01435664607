package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.LibertyServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Clients and authorization requests for the authorization endpoint's tests. */
final class AuthorizeFixtures {

    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    // The test server's issuer follows its port (ear-module/pom.xml), so a build on moved ports stays consistent.
    static final String DEFAULT_RESOURCE = LibertyServer.current().url("/mcp").toString();

    private AuthorizeFixtures() {
    }

    /** The MCP resource the server under test was configured with (PORTCULLIS_MCP_RESOURCE, else the default). */
    static String resource() {
        String configured = System.getenv("PORTCULLIS_MCP_RESOURCE");
        return configured == null || configured.isBlank() ? DEFAULT_RESOURCE : configured.trim();
    }

    /** Registers a public client with these redirect URIs and, if not null, this scope; returns its client_id. */
    static String registerPublicClient(String scope, String... redirectUris) throws IOException, InterruptedException {
        String uris = List.of(redirectUris).stream().map(uri -> "\"" + uri + "\"").collect(Collectors.joining(","));
        String body = "{\"client_name\":\"" + RegistrationApi.uniqueName("Authorize IT") + "\",\"client_uri\":\"https://client.example/about\","
                + "\"token_endpoint_auth_method\":\"none\",\"grant_types\":[\"authorization_code\",\"refresh_token\"],"
                + "\"redirect_uris\":[" + uris + "]" + (scope == null ? "" : ",\"scope\":\"" + scope + "\"") + "}";
        HttpResponse<String> response = new RegistrationApi(LibertyServer.current()).register(body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonObject registration = Json.createReader(new StringReader(response.body())).readObject();
        return registration.getString("client_id");
    }

    /** A complete, valid authorization request. */
    static Map<String, String> request(String clientId, String redirectUri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", clientId);
        parameters.put("redirect_uri", redirectUri);
        parameters.put("code_challenge", s256(VERIFIER));
        parameters.put("code_challenge_method", "S256");
        parameters.put("scope", "pets:read");
        parameters.put("resource", resource());
        parameters.put("state", "state-" + UUID.randomUUID());
        return parameters;
    }

    static Map<String, String> with(Map<String, String> request, String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(request);
        changed.put(name, value);
        return changed;
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
