package it.dev.portcullis.idp;

import static it.dev.portcullis.idp.BrowserSteps.has;
import static it.dev.portcullis.idp.BrowserSteps.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.oauth.HeadlessChromium;
import it.dev.portcullis.oauth.LoopbackRedirectReceiver;
import it.dev.portcullis.support.AlternateServer;
import it.dev.portcullis.support.BearerChallenge;
import it.dev.portcullis.support.McpHttp;
import it.dev.portcullis.support.McpHttp.Answer;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * OIDC federation ({@code PORTCULLIS_REALM=oidc}, {@code liberty-config/includes/realm-oidc.xml}): Liberty's own
 * OpenID Connect client is the login of the authorization endpoint, against a real Keycloak. In Chromium the user
 * signs in at Keycloak, comes back, consents; the MCP client gets Portcullis's own audience-bound token and calls
 * tools. Keycloak's groups become the token's {@code groups} and reach {@code @RolesAllowed} on the EJB, and a
 * Keycloak token (even one with the MCP audience) never gets into {@code /mcp}.
 */
class OidcFederationIT {

    private static final String ORIGIN = Keycloak.PORTCULLIS_ORIGIN;
    private static final String RESOURCE = ORIGIN + "/mcp";

    private static Keycloak keycloak;
    private static AlternateServer server;
    private WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        keycloak = Keycloak.shared();
        server = new AlternateServer().start(Map.of(
                "PORTCULLIS_ISSUER", ORIGIN,
                "PORTCULLIS_MCP_RESOURCE", RESOURCE,
                "PORTCULLIS_REALM", "oidc",
                "OIDC_DISCOVERY_URL", keycloak.discoveryUrl(),
                "OIDC_CLIENT_ID", "portcullis",
                "OIDC_CLIENT_SECRET", keycloak.loginClientSecret()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void keycloakAdminSignsInAtKeycloakConsentsAtPortcullisAndHerGroupsReachTheAdminOnlyEjb() throws Exception {
        try (LoopbackRedirectReceiver receiver = new LoopbackRedirectReceiver()) {
            McpClientJourney client = new McpClientJourney(ORIGIN);
            browser.get(client.authorizationUrl(receiver.redirectUri(), "pets:read pets:write"));
            waitForKeycloakLogin();
            HeadlessChromium.screenshot(browser, "keycloak-login");

            keycloakSignIn("frank", "not-his-password");
            // Keycloak's login theme (keycloak.v2) shows the error under the user name field.
            waitFor(browser, b -> has(b, "input-error-username"));
            assertThat(browser.findElement(By.id("input-error-username")).getText())
                    .contains("Invalid username or password.");
            assertThat(browser.getCurrentUrl()).startsWith(keycloak.issuer());
            HeadlessChromium.screenshot(browser, "keycloak-login-error");

            keycloakSignIn("frank", "frank-password");
            BrowserSteps.approve(browser, "frank", "oidc-consent");
            String token = portcullisToken(client.redeem(receiver.await()));

            JsonObject who = PetTools.whoAmI(ORIGIN, token);
            assertThat(who.getString("name")).isEqualTo("frank");
            assertThat(PetTools.strings(who.getJsonArray("groups"))).containsExactlyInAnyOrder("mcp-users", "mcp-admins");
            long id = PetTools.addPet(ORIGIN, token, "Federated cat");
            Answer removed = McpClientJourney.callTool(RESOURCE, token, "remove_pet", "{\"id\":" + id + "}");
            assertThat(removed.result().getBoolean("isError", false)).as(removed.result().toString()).isFalse();
            assertThat(removed.result().toString()).contains("Removed pet " + id);
        }
    }

    @Test
    void keycloakUserWithoutAdminGroupIsRefusedByTheEjb() throws Exception {
        try (LoopbackRedirectReceiver receiver = new LoopbackRedirectReceiver()) {
            McpClientJourney client = new McpClientJourney(ORIGIN);
            browser.get(client.authorizationUrl(receiver.redirectUri(), "pets:read pets:write"));
            waitForKeycloakLogin();
            keycloakSignIn("grace", "grace-password");
            BrowserSteps.approve(browser, "grace", "oidc-consent-user");
            String token = portcullisToken(client.redeem(receiver.await()));

            JsonObject who = PetTools.whoAmI(ORIGIN, token);
            assertThat(PetTools.strings(who.getJsonArray("groups"))).containsExactly("mcp-users");
            long id = PetTools.addPet(ORIGIN, token, "Federated dog");
            Answer removed = McpClientJourney.callTool(RESOURCE, token, "remove_pet", "{\"id\":" + id + "}");
            assertThat(removed.result().getBoolean("isError")).isTrue();
            assertThat(removed.result().toString()).contains("Only administrators");
        }
    }

    @Test
    void keycloakTokensNeverGetIntoMcpEvenWithTheMcpAudience() throws Exception {
        String keycloakToken = keycloak.clientCredentialsToken("mcp-agent");
        assertThat(McpClientJourney.claims(keycloakToken).toString()).contains("\"" + RESOURCE + "\"");

        Answer answer = McpHttp.to(URI.create(RESOURCE)).header("Authorization", "Bearer " + keycloakToken)
                .post(McpHttp.request("initialize", "{\"protocolVersion\":\"" + McpHttp.LEGACY
                        + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(BearerChallenge.of(answer.response()).get("error")).isEqualTo("invalid_token");
    }

    /** The token Portcullis issued: its own issuer, bound to its own MCP endpoint, with the federated groups. */
    private String portcullisToken(JsonObject tokens) {
        String token = tokens.getString("access_token");
        JsonObject claims = McpClientJourney.claims(token);
        assertThat(claims.getString("iss")).isEqualTo(ORIGIN);
        assertThat(claims.toString()).contains("\"aud\":\"" + RESOURCE + "\"");
        assertThat(claims.getString("iss")).isNotEqualTo(keycloak.issuer());
        return token;
    }

    private void waitForKeycloakLogin() throws InterruptedException {
        waitFor(browser, b -> b.getCurrentUrl().startsWith(keycloak.issuer() + "/protocol/openid-connect/auth")
                && has(b, "kc-login"));
    }

    private void keycloakSignIn(String user, String password) {
        BrowserSteps.signIn(browser, "username", "password", "kc-login", user, password);
    }
}
