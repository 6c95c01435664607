package it.dev.portcullis.auth;

import static it.dev.portcullis.support.McpHttp.LEGACY;
import static it.dev.portcullis.support.McpHttp.request;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.AlternateServer;
import it.dev.portcullis.support.BearerChallenge;
import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.McpHttp;
import it.dev.portcullis.support.McpHttp.Answer;
import it.dev.portcullis.support.TestIssuer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * External-IdP mode, switched on by configuration alone: the same EAR on a second server trusts an independent
 * issuer (this test's own key and JWKS, shaped like Keycloak: RS256, {@code preferred_username}, {@code roles},
 * {@code scp}). Every token failure gets the exact RFC 6750 challenge; roles from the token reach
 * {@code @RolesAllowed} on an EJB; sessions belong to their subject (mcp-requirements.md section 4).
 */
class ExternalIssuerIT {

    private static final String RESOURCE = "https://localhost:" + AlternateServer.HTTPS_PORT + "/mcp";
    private static final String PRM =
            "https://localhost:" + AlternateServer.HTTPS_PORT + "/.well-known/oauth-protected-resource/mcp";
    private static final String INITIALIZE = request(
            "initialize",
            "{\"protocolVersion\":\"2025-11-25\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}");

    private static TestIssuer issuer;
    private static AlternateServer server;

    @BeforeAll
    static void start() throws Exception {
        issuer = new TestIssuer(Integer.getInteger("it.test.issuer.port", 9391));
        server = new AlternateServer()
                .start(Map.of(
                        "PORTCULLIS_ISSUER",
                        "https://localhost:" + AlternateServer.HTTPS_PORT,
                        "PORTCULLIS_MCP_RESOURCE",
                        RESOURCE,
                        "PORTCULLIS_TOKEN_ISSUER",
                        TestIssuer.ISSUER,
                        "PORTCULLIS_TOKEN_JWKS_URI",
                        issuer.jwksUri(),
                        "PORTCULLIS_TOKEN_ALGORITHM",
                        "RS256",
                        "PORTCULLIS_TOKEN_USER_CLAIM",
                        "preferred_username",
                        "PORTCULLIS_TOKEN_GROUPS_CLAIM",
                        "roles",
                        "PORTCULLIS_TOKEN_SCOPE_CLAIM",
                        "scp"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    private static McpHttp mcp(String token) {
        return McpHttp.to(URI.create(RESOURCE)).header("Authorization", token == null ? null : "Bearer " + token);
    }

    private static String alice(String scopes) throws Exception {
        return issuer.token(RESOURCE, "alice", List.of("mcp-users"), scopes);
    }

    private static String bob(String scopes) throws Exception {
        return issuer.token(RESOURCE, "bob", List.of("mcp-users", "mcp-admins"), scopes);
    }

    private static String initialize(String token) throws Exception {
        Answer answer = mcp(token).post(INITIALIZE);
        assertThat(answer.status()).isEqualTo(200);
        return answer.response().headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    private static Answer call(String token, String tool, String arguments) throws Exception {
        return mcp(token)
                .header("Mcp-Session-Id", initialize(token))
                .header("MCP-Protocol-Version", LEGACY)
                .post(request("tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}"));
    }

    private static BearerChallenge invalidToken(String token) throws Exception {
        Answer answer = mcp(token).post(INITIALIZE);
        assertThat(answer.status()).as("status for a refused token").isEqualTo(401);
        BearerChallenge challenge = BearerChallenge.of(answer.response());
        assertThat(challenge.get("error")).isEqualTo("invalid_token");
        assertThat(challenge.get("resource_metadata")).isEqualTo(PRM);
        return challenge;
    }

    @Test
    void rule4_4_noTokenThen401WithResourceMetadataAndScopeButNoError() throws Exception {
        Answer answer = mcp(null).post(INITIALIZE);

        assertThat(answer.status()).isEqualTo(401);
        BearerChallenge challenge = BearerChallenge.of(answer.response());
        assertThat(challenge.params()).containsOnlyKeys("resource_metadata", "scope");
        assertThat(challenge.get("resource_metadata")).isEqualTo(PRM);
        assertThat(challenge.get("scope")).isEqualTo("pets:read");
    }

    @Test
    void rule4_4_garbageTokenThenInvalidToken() throws Exception {
        invalidToken("not-a-jwt");
    }

    @Test
    void rule4_7_expiredTokenThenInvalidToken() throws Exception {
        invalidToken(issuer.token(
                RESOURCE,
                "alice",
                List.of("mcp-users"),
                "pets:read",
                claims -> claims.issueTime(Date.from(Instant.now().minusSeconds(3600)))
                        .expirationTime(Date.from(Instant.now().minusSeconds(600)))));
    }

    @Test
    void rule4_7_notYetValidTokenThenInvalidToken() throws Exception {
        invalidToken(issuer.token(
                RESOURCE,
                "alice",
                List.of("mcp-users"),
                "pets:read",
                claims -> claims.notBeforeTime(Date.from(Instant.now().plusSeconds(600)))));
    }

    @Test
    void rule4_7_wrongIssuerThenInvalidToken() throws Exception {
        invalidToken(issuer.token(
                RESOURCE, "alice", List.of("mcp-users"), "pets:read", claims -> claims.issuer("https://evil.example")));
    }

    @Test
    void rule4_7_tokenForAnotherResourceThenInvalidToken() throws Exception {
        invalidToken(issuer.token("https://other.example/mcp", "alice", List.of("mcp-users"), "pets:read"));
        invalidToken(issuer.token(RESOURCE + "/", "alice", List.of("mcp-users"), "pets:read"));
    }

    /** RFC 9068 section 4: a JWT not typed at+jwt is not an access token (portcullis.token.type defaults to at+jwt). */
    @Test
    void rfc9068_tokenNotTypedAtJwtThenInvalidTokenAndTheMediaTypeSpellingIsAccepted() throws Exception {
        assertThat(invalidToken(issuer.typed(RESOURCE, "JWT")).get("error_description"))
                .contains("typ");
        invalidToken(issuer.typed(RESOURCE, null));
        invalidToken(issuer.typed(RESOURCE, "logout+jwt"));
        initialize(issuer.typed(RESOURCE, "application/AT+JWT"));
    }

    @Test
    void rule4_7_algNoneThenInvalidToken() throws Exception {
        invalidToken(issuer.unsigned(RESOURCE));
    }

    @Test
    void rule4_7_hs256SignedWithThePublicKeyThenInvalidToken() throws Exception {
        invalidToken(issuer.hmacWithPublicKey(RESOURCE));
    }

    @Test
    void rule4_7_unknownKidThenInvalidToken() throws Exception {
        invalidToken(issuer.unknownKid(RESOURCE));
    }

    @Test
    void rule4_7_signedByAnotherKeyThenInvalidToken() throws Exception {
        invalidToken(issuer.signedByStranger(RESOURCE));
    }

    @Test
    void rule4_7_tamperedPayloadThenInvalidToken() throws Exception {
        invalidToken(issuer.tampered(RESOURCE));
    }

    @Test
    void rule4_6_tokenInQueryStringThenRefused() throws Exception {
        Answer answer = McpHttp.to(URI.create(RESOURCE + "?access_token=" + alice("pets:read")))
                .post(INITIALIZE);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(BearerChallenge.of(answer.response()).get("error")).isEqualTo("invalid_request");
    }

    @Test
    void rule4_6_legacyGetAndDeleteWithoutTokenThen401() throws Exception {
        String session = initialize(alice("pets:read"));
        for (String method : List.of("GET", "DELETE")) {
            HttpResponse<String> response = mcp(null)
                    .header("Mcp-Session-Id", session)
                    .header("MCP-Protocol-Version", LEGACY)
                    .header("Accept", "text/event-stream")
                    .send(method);
            assertThat(response.statusCode()).as(method).isEqualTo(401);
            assertThat(BearerChallenge.of(response).get("resource_metadata")).isEqualTo(PRM);
        }
    }

    @Test
    void rule4_5_missingScopeThen403NamingEveryScopeTheCallNeeds() throws Exception {
        Answer answer = call(alice("pets:read"), "add_pet", "{\"name\":\"Rex\",\"species\":\"dog\"}");

        assertThat(answer.status()).isEqualTo(403);
        BearerChallenge challenge = BearerChallenge.of(answer.response());
        assertThat(challenge.get("error")).isEqualTo("insufficient_scope");
        assertThat(challenge.get("scope").split(" ")).containsExactlyInAnyOrder("pets:read", "pets:write");
        assertThat(challenge.get("resource_metadata")).isEqualTo(PRM);
    }

    @Test
    void rule4_7_validTokenThenCallerComesFromConfiguredClaims() throws Exception {
        Answer answer = call(alice("pets:read"), "who_am_i", "{}");

        assertThat(answer.status()).isEqualTo(200);
        assertValid(LEGACY, "CallToolResult", answer.result());
        JsonObject who = answer.result().getJsonObject("structuredContent");
        assertThat(who.getString("name")).isEqualTo("alice");
        assertThat(who.getJsonArray("groups").getString(0)).isEqualTo("mcp-users");
        assertThat(who.getJsonArray("scopes").getString(0)).isEqualTo("pets:read");
    }

    @Test
    void rolesAllowedEjbThenAdminSucceedsAndUserIsRefusedThroughTheTokenAlone() throws Exception {
        Answer added = call(bob("pets:read pets:write"), "add_pet", "{\"name\":\"Doomed\",\"species\":\"cat\"}");
        long id = added.result()
                .getJsonObject("structuredContent")
                .getJsonNumber("id")
                .longValue();

        Answer byAlice = call(alice("pets:read pets:write"), "remove_pet", "{\"id\":" + id + "}");
        assertValid(LEGACY, "CallToolResult", byAlice.result());
        assertThat(byAlice.result().getBoolean("isError")).isTrue();
        assertThat(byAlice.result().toString()).contains("Only administrators");

        Answer byBob = call(bob("pets:read pets:write"), "remove_pet", "{\"id\":" + id + "}");
        assertValid(LEGACY, "CallToolResult", byBob.result());
        assertThat(byBob.result().getBoolean("isError", false)).isFalse();
        assertThat(byBob.result().toString()).contains("Removed pet " + id);
    }

    @Test
    void rule4_9_sessionOfAnotherSubjectThen404AsIfUnknown() throws Exception {
        String alicesSession = initialize(alice("pets:read"));

        Answer asBob = mcp(bob("pets:read"))
                .header("Mcp-Session-Id", alicesSession)
                .header("MCP-Protocol-Version", LEGACY)
                .post(request("ping", "{}"));
        assertThat(asBob.status()).isEqualTo(404);
        HttpResponse<String> deleteAsBob =
                mcp(bob("pets:read")).header("Mcp-Session-Id", alicesSession).send("DELETE");
        assertThat(deleteAsBob.statusCode()).isEqualTo(404);

        Answer asAlice = mcp(alice("pets:read"))
                .header("Mcp-Session-Id", alicesSession)
                .header("MCP-Protocol-Version", LEGACY)
                .post(request("ping", "{}"));
        assertThat(asAlice.status()).isEqualTo(200);
    }

    @Test
    void rule4_1_protectedResourceMetadataNamesTheExternalIssuer() throws Exception {
        for (String path :
                List.of("/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource")) {
            HttpResponse<String> response = Https.client()
                    .send(HttpRequest.newBuilder(server.url(path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            JsonObject prm =
                    Json.createReader(new StringReader(response.body())).readObject();
            assertThat(prm.getString("resource")).isEqualTo(RESOURCE);
            assertThat(prm.getJsonArray("authorization_servers").getString(0)).isEqualTo(TestIssuer.ISSUER);
        }
    }

    private static void assertValid(String revision, String definition, JsonObject value) {
        assertThat(dev.portcullis.mcp.testing.McpSchemas.errors(revision, definition, value))
                .as(definition)
                .isEmpty();
    }
}
