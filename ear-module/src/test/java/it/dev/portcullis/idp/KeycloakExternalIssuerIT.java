package it.dev.portcullis.idp;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.idp.ExternalIssuerJourney.Calls;
import it.dev.portcullis.idp.ExternalIssuerJourney.Refusal;
import it.dev.portcullis.support.AlternateServer;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * External-issuer mode against a real Keycloak: {@code /mcp} trusts Keycloak's access tokens directly, configured
 * by environment variables alone as src/docs/external-issuer.md describes. The MCP client is the official
 * TypeScript SDK ({@link ExternalIssuerJourney}) holding a pre-registered Keycloak client's credentials: it finds
 * Keycloak through the protected resource metadata and gets its client-credentials token from Keycloak itself.
 * Keycloak's service accounts are members of the realm groups {@code mcp-users}/{@code mcp-admins}, whose realm
 * roles reach the token's top-level {@code roles} claim, and from there {@code @RolesAllowed("mcp-admins")} on the
 * EJB. A token of another application of the same realm (no Portcullis audience) is refused with 401
 * {@code invalid_token}.
 */
class KeycloakExternalIssuerIT {

    private static final String ORIGIN = Keycloak.PORTCULLIS_ORIGIN;
    private static final String RESOURCE = ORIGIN + "/mcp";

    static Keycloak keycloak;
    static AlternateServer server;
    static CountingTokenProxy proxy;
    static DownstreamEchoService downstream;
    private static ExternalIssuerJourney journey;

    @BeforeAll
    static void start() throws Exception {
        keycloak = Keycloak.shared();
        proxy = new CountingTokenProxy(URI.create(keycloak.tokenEndpoint()));
        downstream = new DownstreamEchoService(keycloak);
        server = new AlternateServer()
                .start(Map.ofEntries(
                        // The demo tool's downstream, on behalf of the caller: DownstreamToolCalls
                        // (src/docs/outbound.md).
                        Map.entry("PORTCULLIS_DOWNSTREAM_DEMO_MODE", "token-exchange"),
                        Map.entry("PORTCULLIS_DOWNSTREAM_DEMO_URL", downstream.url()),
                        Map.entry("PORTCULLIS_DOWNSTREAM_DEMO_ISSUER", keycloak.issuer()),
                        Map.entry("PORTCULLIS_DOWNSTREAM_DEMO_TOKEN_ENDPOINT", proxy.tokenEndpoint()),
                        Map.entry("PORTCULLIS_DOWNSTREAM_DEMO_CLIENT_ID", "downstream-exchanger"),
                        Map.entry("PORTCULLIS_DOWNSTREAM_DEMO_CLIENT_SECRET", keycloak.agentSecret()),
                        // the demo profile (realm-basic.xml) sends the demo downstreams' static key in X-Demo-Api-Key
                        Map.entry("PORTCULLIS_DOWNSTREAM_DEMO_HEADER", "Authorization"),
                        // The demo tool in the server's own name: client credentials with client_secret_post.
                        Map.entry("PORTCULLIS_DOWNSTREAM_DEMO_SERVICE_MODE", "client-credentials"),
                        Map.entry("PORTCULLIS_DOWNSTREAM_DEMO_SERVICE_URL", downstream.url()),
                        Map.entry("PORTCULLIS_DOWNSTREAM_DEMO_SERVICE_HEADER", "Authorization"),
                        Map.entry("PORTCULLIS_DOWNSTREAM_DEMO_SERVICE_TOKEN_ENDPOINT", proxy.tokenEndpoint()),
                        Map.entry("PORTCULLIS_DOWNSTREAM_DEMO_SERVICE_CLIENT_ID", "downstream-exchanger"),
                        Map.entry("PORTCULLIS_DOWNSTREAM_DEMO_SERVICE_CLIENT_SECRET", keycloak.agentSecret()),
                        Map.entry("PORTCULLIS_DOWNSTREAM_DEMO_SERVICE_AUTH_METHOD", "client_secret_post"),
                        Map.entry("PORTCULLIS_ISSUER", ORIGIN),
                        Map.entry("PORTCULLIS_MCP_RESOURCE", RESOURCE),
                        Map.entry("PORTCULLIS_TOKEN_ISSUER", keycloak.issuer()),
                        Map.entry("PORTCULLIS_TOKEN_JWKS_URI", keycloak.jwksUri()),
                        Map.entry("PORTCULLIS_TOKEN_ALGORITHM", "RS256"),
                        Map.entry("PORTCULLIS_TOKEN_USER_CLAIM", "preferred_username"),
                        Map.entry("PORTCULLIS_TOKEN_GROUPS_CLAIM", "roles"),
                        Map.entry("PORTCULLIS_TOKEN_SCOPE_CLAIM", "scope"),
                        // Keycloak types its access tokens JWT, not RFC 9068's at+jwt (src/docs/external-issuer.md)
                        Map.entry("PORTCULLIS_TOKEN_TYPE", "JWT")));
        journey = new ExternalIssuerJourney(ORIGIN, keycloak);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (downstream != null) {
            downstream.close();
        }
    }

    /** Outbound credentials on this server: the demo tool on behalf of Keycloak-authenticated callers. */
    @Nested
    class OutboundCredentials extends DownstreamToolCalls {}

    @Test
    void sdkGetsItsTokenFromKeycloakCallsToolsAndItsGroupsReachTheAdminOnlyEjb() throws Exception {
        Calls agent = journey.callTools("mcp-agent");

        assertKeycloakIssued(agent.discovery(), agent.token());
        assertThat(agent.token().get("aud").toString()).contains("\"" + RESOURCE + "\"");
        assertThat(PetTools.strings(agent.token().getJsonArray("roles"))).contains("mcp-users", "mcp-admins");
        assertThat(agent.whoAmI().getString("name")).isEqualTo("service-account-mcp-agent");
        assertThat(PetTools.strings(agent.whoAmI().getJsonArray("groups"))).contains("mcp-users", "mcp-admins");
        assertThat(PetTools.strings(agent.whoAmI().getJsonArray("scopes"))).contains("pets:read", "pets:write");
        assertThat(agent.removal().getBoolean("isError"))
                .as(agent.removal().toString())
                .isFalse();
        assertThat(agent.removal().getString("text"))
                .contains("Removed pet " + agent.removal().getJsonNumber("id"));
    }

    @Test
    void serviceAccountOnlyInMcpUsersIsRefusedByTheAdminOnlyEjb() throws Exception {
        Calls reader = journey.callTools("mcp-reader");

        assertKeycloakIssued(reader.discovery(), reader.token());
        assertThat(PetTools.strings(reader.whoAmI().getJsonArray("groups")))
                .contains("mcp-users")
                .doesNotContain("mcp-admins");
        assertThat(reader.removal().getBoolean("isError"))
                .as(reader.removal().toString())
                .isTrue();
        assertThat(reader.removal().getString("text")).contains("Only administrators");
    }

    /**
     * A token whose {@code aud} lacks the MCP URL is not for {@code /mcp}, whoever issued it: 401 with
     * {@code invalid_token} (RFC 6750 section 3.1), and the SDK gives up rather than loop.
     *
     * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#token-audience-binding-and-validation">MCP
     *      authorization: token audience binding and validation</a>
     */
    @Test
    void keycloakTokenWithoutThePortcullisAudienceIsRefusedWithInvalidToken() throws Exception {
        Refusal refusal = journey.refused("unrelated-app");

        assertKeycloakIssued(refusal.discovery(), refusal.token());
        // Keycloak ignores the SDK's resource indicator: the audience comes from the client's mapper alone.
        assertThat(String.valueOf(refusal.token().get("aud"))).doesNotContain(RESOURCE);
        assertThat(refusal.status()).isEqualTo(401);
        assertThat(refusal.challenge().get("error")).isEqualTo("invalid_token");
        assertThat(refusal.challenge().get("resource_metadata"))
                .isEqualTo(ORIGIN + "/.well-known/oauth-protected-resource/mcp");
    }

    /**
     * The SDK went from the PRM to Keycloak's metadata and got the token at Keycloak's token endpoint: Portcullis's
     * own authorization server is not in the path (MCP authorization, authorization server discovery).
     */
    private static void assertKeycloakIssued(String discovery, jakarta.json.JsonObject token) {
        URI issuer = URI.create(keycloak.issuer());
        assertThat(discovery)
                .contains("/.well-known/oauth-protected-resource/mcp -> " + issuer.getScheme() + "://"
                        + issuer.getAuthority() + "/")
                .contains(issuer.getPath().substring(1));
        assertThat(token.getString("endpoint")).isEqualTo(keycloak.tokenEndpoint());
        assertThat(token.getString("resource"))
                .as("the RFC 8707 resource indicator")
                .isEqualTo(RESOURCE);
        assertThat(token.getString("iss")).isEqualTo(keycloak.issuer());
    }
}
