package it.dev.portcullis.idp;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.AlternateServer;
import it.dev.portcullis.support.BearerChallenge;
import it.dev.portcullis.support.McpHttp;
import it.dev.portcullis.support.McpHttp.Answer;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * External-issuer mode against a real Keycloak: {@code /mcp} trusts Keycloak's access tokens directly, configured
 * by environment variables alone as src/docs/external-issuer.md describes. Keycloak's service accounts are members
 * of the realm groups {@code mcp-users}/{@code mcp-admins}, whose realm roles reach the token's top-level
 * {@code roles} claim, and from there {@code @RolesAllowed("mcp-admins")} on the EJB. A token of another
 * application of the same realm (no Portcullis audience) is refused with 401 {@code invalid_token}.
 */
class KeycloakExternalIssuerIT {

    private static final String ORIGIN = Keycloak.PORTCULLIS_ORIGIN;
    private static final String RESOURCE = ORIGIN + "/mcp";

    private static Keycloak keycloak;
    private static AlternateServer server;

    @BeforeAll
    static void start() throws Exception {
        keycloak = Keycloak.shared();
        server = new AlternateServer().start(Map.of(
                "PORTCULLIS_ISSUER", ORIGIN,
                "PORTCULLIS_MCP_RESOURCE", RESOURCE,
                "PORTCULLIS_TOKEN_ISSUER", keycloak.issuer(),
                "PORTCULLIS_TOKEN_JWKS_URI", keycloak.jwksUri(),
                "PORTCULLIS_TOKEN_ALGORITHM", "RS256",
                "PORTCULLIS_TOKEN_USER_CLAIM", "preferred_username",
                "PORTCULLIS_TOKEN_GROUPS_CLAIM", "roles",
                "PORTCULLIS_TOKEN_SCOPE_CLAIM", "scope"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void clientCredentialsTokenFromKeycloakCallsToolsAndItsGroupsReachTheAdminOnlyEjb() throws Exception {
        String token = clientCredentials("mcp-agent");
        JsonObject claims = McpClientJourney.claims(token);
        assertThat(claims.getString("iss")).isEqualTo(keycloak.issuer());
        assertThat(claims.toString()).contains("\"" + RESOURCE + "\"");

        JsonObject who = PetTools.whoAmI(ORIGIN, token);
        assertThat(who.getString("name")).isEqualTo("service-account-mcp-agent");
        assertThat(PetTools.strings(who.getJsonArray("groups"))).contains("mcp-users", "mcp-admins");
        assertThat(PetTools.strings(who.getJsonArray("scopes"))).contains("pets:read", "pets:write");

        long id = PetTools.addPet(ORIGIN, token, "Keycloak cat");
        Answer removed = McpClientJourney.callTool(RESOURCE, token, "remove_pet", "{\"id\":" + id + "}");
        assertThat(removed.result().getBoolean("isError", false)).as(removed.result().toString()).isFalse();
        assertThat(removed.result().toString()).contains("Removed pet " + id);
    }

    @Test
    void serviceAccountOnlyInMcpUsersIsRefusedByTheAdminOnlyEjb() throws Exception {
        String token = clientCredentials("mcp-reader");

        JsonObject who = PetTools.whoAmI(ORIGIN, token);
        assertThat(PetTools.strings(who.getJsonArray("groups"))).contains("mcp-users").doesNotContain("mcp-admins");

        long id = PetTools.addPet(ORIGIN, token, "Reader's dog");
        Answer removed = McpClientJourney.callTool(RESOURCE, token, "remove_pet", "{\"id\":" + id + "}");
        assertThat(removed.result().getBoolean("isError")).isTrue();
        assertThat(removed.result().toString()).contains("Only administrators");
    }

    @Test
    void keycloakTokenWithoutThePortcullisAudienceIsRefusedWithInvalidToken() throws Exception {
        String token = clientCredentials("unrelated-app");
        assertThat(McpClientJourney.claims(token).toString()).doesNotContain(RESOURCE);

        Answer answer = McpHttp.to(URI.create(RESOURCE)).header("Authorization", "Bearer " + token)
                .post(McpHttp.request("initialize", "{\"protocolVersion\":\"" + McpHttp.LEGACY
                        + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}"));

        assertThat(answer.status()).isEqualTo(401);
        BearerChallenge challenge = BearerChallenge.of(answer.response());
        assertThat(challenge.get("error")).isEqualTo("invalid_token");
        assertThat(challenge.get("resource_metadata")).isEqualTo(ORIGIN + "/.well-known/oauth-protected-resource/mcp");
    }

    private static String clientCredentials(String clientId) throws Exception {
        return keycloak.clientCredentialsToken(clientId);
    }
}
