package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import it.dev.portcullis.support.AppServer;
import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.MachineClientsFixture;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The token and revocation endpoints over HTTPS, and access-token verification against the JWKS. */
final class TokenApi {

    // The test server's issuer follows its port (ear-module/pom.xml), so a build on moved ports stays consistent.
    static final String DEFAULT_RESOURCE = AppServer.current().url("/mcp").toString();

    private final AppServer server;
    private final RegistrationApi registration;

    TokenApi(AppServer server) {
        this.server = server;
        this.registration = new RegistrationApi(server);
    }

    /** The MCP resource the server under test was configured with. */
    static String expectedResource() {
        String configured = System.getenv("PORTCULLIS_MCP_RESOURCE");
        return configured == null || configured.isBlank() ? DEFAULT_RESOURCE : configured.trim();
    }

    /** Registers a client; {@code extra} is more JSON members, e.g. {@code "scope":"pets:read"}. */
    JsonObject register(String authMethod, String grantTypes, String extra) throws Exception {
        HttpResponse<String> response = registration.register("{\"client_name\":\""
                + RegistrationApi.uniqueName("tokens")
                + "\",\"redirect_uris\":[\"http://127.0.0.1/cb\"],\"token_endpoint_auth_method\":\"" + authMethod
                + "\",\"grant_types\":" + grantTypes + (extra == null ? "" : "," + extra) + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return RegistrationApi.json(response);
    }

    /** A provisioned machine client's credentials as {@code client_id} and {@code client_secret}. */
    static JsonObject credentials(MachineClientsFixture client) {
        return Json.createObjectBuilder()
                .add("client_id", client.clientId())
                .add("client_secret", client.secret())
                .build();
    }

    /** The provisioned client_secret_basic machine client allowlisted for pets:read and pets:write. */
    JsonObject serviceClient() {
        return credentials(MachineClientsFixture.SERVICE);
    }

    HttpResponse<String> token(Map<String, String> form, String basicId, String basicSecret) throws Exception {
        return post("/oauth/token", form, basicId, basicSecret);
    }

    HttpResponse<String> revoke(Map<String, String> form, String basicId, String basicSecret) throws Exception {
        return post("/oauth/revoke", form, basicId, basicSecret);
    }

    HttpResponse<String> post(String path, Map<String, String> form, String basicId, String basicSecret)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (basicId != null) {
            request.header("Authorization", basic(basicId, basicSecret));
        }
        return Https.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, String> form(String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    /** RFC 6749 section 2.3.1: id and secret are form-url-encoded before Base64. */
    static String basic(String id, String secret) {
        String pair =
                URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** Verifies the token's ES256 signature with the server's JWKS and returns its claims; checks typ at+jwt. */
    JWTClaimsSet verify(String accessToken) throws Exception {
        SignedJWT jwt = SignedJWT.parse(accessToken);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
        JWKSet jwks = JWKSet.parse(registration.get("/oauth/jwks").body());
        ECKey key = (ECKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("the signing key is published").isNotNull();
        assertThat(jwt.verify(new ECDSAVerifier(key))).as("signature").isTrue();
        return jwt.getJWTClaimsSet();
    }

    /** Every token-endpoint answer must forbid caching. */
    static void assertNoStore(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Pragma")).hasValue("no-cache");
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
