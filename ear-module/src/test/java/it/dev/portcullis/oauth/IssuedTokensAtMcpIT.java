package it.dev.portcullis.oauth;

import static it.dev.portcullis.support.McpHttp.LEGACY;
import static it.dev.portcullis.support.McpHttp.request;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.AlternateServer;
import it.dev.portcullis.support.BearerChallenge;
import it.dev.portcullis.support.LibertyServer;
import it.dev.portcullis.support.McpHttp;
import it.dev.portcullis.support.McpHttp.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tokens the built-in authorization server issues after a realm login are what {@code /mcp} accepts: the realm
 * user and groups arrive as the container's caller ({@code @RolesAllowed} on an EJB), a revoked or tampered token
 * is refused, and a second MCP resource with another resource URL refuses them (audience binding, RFC 8707).
 */
class IssuedTokensAtMcpIT {

    private static final String INITIALIZE = request(
            "initialize",
            "{\"protocolVersion\":\"2025-11-25\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}");

    private final LibertyServer server = LibertyServer.current();
    private final TokenApi api = new TokenApi(server);

    /** Logs {@code user} in through the realm's FORM page, approves consent and redeems the code. */
    private JsonObject tokensOf(String user, String password) throws Exception {
        return tokensOf(user, password, "pets:read pets:write");
    }

    private JsonObject tokensOf(String user, String password, String scope) throws Exception {
        String client = CodeFlowTokens.publicClient();
        return Json.createObjectBuilder(new CodeFlowTokens(api).tokens(client, user, password, scope))
                .add("client_id", client)
                .build();
    }

    private String issuer() throws Exception {
        HttpResponse<String> metadata = it.dev.portcullis.support.Https.client()
                .send(
                        java.net.http.HttpRequest.newBuilder(server.url("/.well-known/oauth-authorization-server"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return RegistrationApi.json(metadata).getString("issuer");
    }

    private Answer call(String accessToken, String tool, String arguments) throws Exception {
        McpHttp mcp = McpHttp.to(server.url("/mcp")).header("Authorization", "Bearer " + accessToken);
        Answer initialized = mcp.post(INITIALIZE);
        assertThat(initialized.status()).as(initialized.response().body()).isEqualTo(200);
        String session =
                initialized.response().headers().firstValue("Mcp-Session-Id").orElseThrow();
        return mcp.header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", LEGACY)
                .post(request("tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}"));
    }

    @Test
    void realmUserTokenThenCallerAndGroupsReachTheToolAndTheEjb() throws Exception {
        String alice = tokensOf("alice", "alice-password").getString("access_token");
        String bob = tokensOf("bob", "bob-password").getString("access_token");

        JsonObject who = call(alice, "who_am_i", "{}").result().getJsonObject("structuredContent");
        assertThat(who.getString("name")).isEqualTo("alice");
        assertThat(who.getJsonArray("groups").toString()).contains("mcp-users").doesNotContain("mcp-admins");

        long id = call(bob, "add_pet", "{\"name\":\"Doomed\",\"species\":\"fish\"}")
                .result()
                .getJsonObject("structuredContent")
                .getJsonNumber("id")
                .longValue();
        Answer byAlice = call(alice, "remove_pet", "{\"id\":" + id + "}");
        assertThat(byAlice.result().getBoolean("isError")).isTrue();
        Answer byBob = call(bob, "remove_pet", "{\"id\":" + id + "}");
        assertThat(byBob.result().getBoolean("isError", false))
                .as(byBob.result().toString())
                .isFalse();
    }

    @Test
    void rule4_5_readScopedTokenThenWriteToolGets403StepUpAndWiderTokenSucceeds() throws Exception {
        String reader = tokensOf("alice", "alice-password", "pets:read").getString("access_token");

        Answer refused = call(reader, "add_pet", "{\"name\":\"Rex\",\"species\":\"dog\"}");
        assertThat(refused.status()).isEqualTo(403);
        BearerChallenge challenge = BearerChallenge.of(refused.response());
        assertThat(challenge.get("error")).isEqualTo("insufficient_scope");
        assertThat(challenge.get("scope")).isEqualTo("pets:read pets:write");

        String writer =
                tokensOf("alice", "alice-password", challenge.get("scope")).getString("access_token");
        assertThat(call(writer, "add_pet", "{\"name\":\"Rex\",\"species\":\"dog\"}")
                        .result()
                        .getBoolean("isError", false))
                .isFalse();
    }

    @Test
    void revokedTokenFamilyThenMcpRefusesItsAccessToken() throws Exception {
        JsonObject tokens = tokensOf("alice", "alice-password");
        String access = tokens.getString("access_token");
        assertThat(call(access, "who_am_i", "{}").status()).isEqualTo(200);

        HttpResponse<String> revoked = api.revoke(
                TokenApi.form("token", tokens.getString("refresh_token"), "client_id", tokens.getString("client_id")),
                null,
                null);
        assertThat(revoked.statusCode()).isEqualTo(200);

        Answer refused = McpHttp.to(server.url("/mcp"))
                .header("Authorization", "Bearer " + access)
                .post(INITIALIZE);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(BearerChallenge.of(refused.response()).get("error")).isEqualTo("invalid_token");
    }

    @Test
    void tamperedIssuedTokenThenInvalidToken() throws Exception {
        String[] parts =
                tokensOf("alice", "alice-password").getString("access_token").split("\\.");
        String payload = new String(
                        java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"mcp-users\"", "\"mcp-admins\"");
        String forged = parts[0] + "."
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "." + parts[2];

        Answer refused = McpHttp.to(server.url("/mcp"))
                .header("Authorization", "Bearer " + forged)
                .post(INITIALIZE);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(BearerChallenge.of(refused.response()).get("error")).isEqualTo("invalid_token");
    }

    @Test
    void tokenForThisResourceThenAnotherMcpResourceRefusesIt() throws Exception {
        String access = tokensOf("alice", "alice-password").getString("access_token");
        assertThat(call(access, "who_am_i", "{}").status()).isEqualTo(200);

        // a second MCP resource: same issuer and keys, another resource URL
        try (AlternateServer other = new AlternateServer()
                .start(Map.of(
                        "PORTCULLIS_MCP_RESOURCE", "https://localhost:" + AlternateServer.HTTPS_PORT + "/mcp",
                        "PORTCULLIS_TOKEN_ISSUER", issuer(),
                        "PORTCULLIS_TOKEN_JWKS_URI", server.url("/oauth/jwks").toString()))) {
            Answer refused = McpHttp.to(other.url("/mcp"))
                    .header("Authorization", "Bearer " + access)
                    .post(INITIALIZE);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(BearerChallenge.of(refused.response()).get("error")).isEqualTo("invalid_token");
        }
    }
}
