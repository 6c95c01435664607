package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.AppServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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

/** Clients and authorization requests for the authorization endpoint's tests. */
final class AuthorizeFixtures {

    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    // The test server's issuer follows its port (ear-module/pom.xml), so a build on moved ports stays consistent.
    static final String DEFAULT_RESOURCE = AppServer.current().url("/mcp").toString();

    private AuthorizeFixtures() {}

    /** The MCP resource the server under test was configured with (PORTCULLIS_MCP_RESOURCE, else the default). */
    static String resource() {
        String configured = System.getenv("PORTCULLIS_MCP_RESOURCE");
        return configured == null || configured.isBlank() ? DEFAULT_RESOURCE : configured.trim();
    }

    /** Registers a public client with these redirect URIs and, if not null, this scope; returns its client_id. */
    static String registerPublicClient(String scope, String... redirectUris) throws IOException, InterruptedException {
        return register("none", RegistrationApi.uniqueName("Authorize IT"), scope, redirectUris)
                .getString("client_id");
    }

    /** Registers a confidential (client_secret_basic) code-flow client; returns its client_id. */
    static String registerConfidentialClient(String... redirectUris) throws IOException, InterruptedException {
        return register("client_secret_basic", RegistrationApi.uniqueName("Authorize IT"), null, redirectUris)
                .getString("client_id");
    }

    /** Registers a code-flow client with this auth method and (JSON-escaped by this method) client_name. */
    static JsonObject register(String authMethod, String clientName, String scope, String... redirectUris)
            throws IOException, InterruptedException {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("client_name", clientName)
                .add("client_uri", "https://client.example/about")
                .add("logo_uri", "https://client.example/logo.png")
                .add("token_endpoint_auth_method", authMethod)
                .add(
                        "grant_types",
                        Json.createArrayBuilder().add("authorization_code").add("refresh_token"))
                .add("redirect_uris", Json.createArrayBuilder(List.of(redirectUris)));
        if (scope != null) {
            body.add("scope", scope);
        }
        HttpResponse<String> response =
                new RegistrationApi(AppServer.current()).register(body.build().toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Json.createReader(new StringReader(response.body())).readObject();
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

    /** {@code request} with several fields set (name, value, name, value, …); a null value removes the field. */
    static Map<String, String> with(Map<String, String> request, String... namesAndValues) {
        Map<String, String> changed = new LinkedHashMap<>(request);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            changed.put(namesAndValues[i], namesAndValues[i + 1]);
        }
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
