package it.dev.portcullis.auth;

import static it.dev.portcullis.support.McpHttp.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import it.dev.portcullis.support.BearerChallenge;
import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.LibertyServer;
import it.dev.portcullis.support.McpHttp;
import it.dev.portcullis.support.McpHttp.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code /mcp} of the product server as an OAuth protected resource of its built-in authorization server:
 * the Protected Resource Metadata at both RFC 9728 locations, and the 401 challenges for requests whose tokens
 * were not issued by it (mcp-requirements.md 4.1-4.7).
 */
class ProtectedResourceIT {

    private static final String INITIALIZE = request(
            "initialize",
            "{\"protocolVersion\":\"2025-11-25\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}");

    private final LibertyServer server = LibertyServer.current();
    private final String endpoint = server.url("/mcp").toString();
    private final String metadataUrl =
            server.url("/.well-known/oauth-protected-resource/mcp").toString();

    private HttpResponse<String> get(String path) throws Exception {
        return Https.client()
                .send(HttpRequest.newBuilder(server.url(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private Answer post(String authorization) throws Exception {
        return McpHttp.to(server.url("/mcp"))
                .header("Authorization", authorization)
                .post(INITIALIZE);
    }

    @Test
    void rule4_2_metadataAtBothLocationsNamesTheEndpointByteForByte() throws Exception {
        JsonObject asMetadata = json(get("/.well-known/oauth-authorization-server"));
        for (String path :
                List.of("/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                    .hasValue("*");
            JsonObject prm = json(response);
            assertThat(prm.getString("resource")).isEqualTo(endpoint);
            assertThat(prm.getJsonArray("authorization_servers").getString(0))
                    .isEqualTo(asMetadata.getString("issuer"));
            assertThat(prm.getJsonArray("bearer_methods_supported").getValuesAs(jakarta.json.JsonString::getString))
                    .containsExactly("header");
            // the union of the scopes the demo tools declare with @RequiresScopes, and nothing else
            assertThat(prm.getJsonArray("scopes_supported").getValuesAs(jakarta.json.JsonString::getString))
                    .containsExactly("pets:read", "pets:write")
                    .doesNotContain("offline_access");
        }
    }

    @Test
    void rule4_2_metadataForAnotherPathThen404() throws Exception {
        assertThat(get("/.well-known/oauth-protected-resource/other").statusCode())
                .isEqualTo(404);
    }

    @Test
    void rule4_4_noTokenThen401WithoutError() throws Exception {
        Answer answer = post(null);

        assertThat(answer.status()).isEqualTo(401);
        BearerChallenge challenge = BearerChallenge.of(answer.response());
        assertThat(challenge.get("error")).isNull();
        assertThat(challenge.get("resource_metadata")).isEqualTo(metadataUrl);
        assertThat(challenge.get("scope")).isEqualTo("pets:read");
    }

    @Test
    void rule4_4_otherSchemeThen401WithoutError() throws Exception {
        Answer answer = post("Basic YWxpY2U6YWxpY2UtcGFzc3dvcmQ="); // alice's realm password is no way in

        assertThat(answer.status()).isEqualTo(401);
        assertThat(BearerChallenge.of(answer.response()).get("error")).isNull();
    }

    @Test
    void rule4_4_garbageAlgNoneAndHmacWithPublicKeyThenInvalidToken() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(server.baseUrl().toString())
                .subject("alice")
                .audience(endpoint)
                .claim("groups", List.of("mcp-admins"))
                .claim("scope", "pets:read pets:write")
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .build();
        JsonObject jwk = json(get("/oauth/jwks")).getJsonArray("keys").getJsonObject(0);
        SignedJWT hmac = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID(jwk.getString("kid"))
                        .build(),
                claims);
        hmac.sign(new MACSigner(java.util.Arrays.copyOf(jwk.toString().getBytes(StandardCharsets.UTF_8), 64)));

        for (String token : List.of("garbage", new PlainJWT(claims).serialize(), hmac.serialize())) {
            Answer answer = post("Bearer " + token);
            assertThat(answer.status()).as(token).isEqualTo(401);
            BearerChallenge challenge = BearerChallenge.of(answer.response());
            assertThat(challenge.get("error")).isEqualTo("invalid_token");
            assertThat(challenge.get("resource_metadata")).isEqualTo(metadataUrl);
            assertThat(answer.response().body()).doesNotContain("Exception", "CWWKS");
        }
    }

    @Test
    void rule4_6_getAndDeleteWithoutTokenThen401() throws Exception {
        for (String method : List.of("GET", "DELETE")) {
            HttpResponse<String> response = McpHttp.to(server.url("/mcp"))
                    .header("Mcp-Session-Id", "x")
                    .header("Accept", "text/event-stream")
                    .send(method);
            assertThat(response.statusCode()).as(method).isEqualTo(401);
            assertThat(BearerChallenge.of(response).get("resource_metadata")).isEqualTo(metadataUrl);
        }
    }
}
