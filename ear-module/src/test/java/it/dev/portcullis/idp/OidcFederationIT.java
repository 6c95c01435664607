package it.dev.portcullis.idp;

import static it.dev.portcullis.idp.BrowserSteps.has;
import static it.dev.portcullis.idp.BrowserSteps.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.idp.RealmJourney.Outcome;
import it.dev.portcullis.oauth.HeadlessChromium;
import it.dev.portcullis.support.AlternateServer;
import it.dev.portcullis.support.BearerChallenge;
import it.dev.portcullis.support.McpHttp;
import it.dev.portcullis.support.McpHttp.Answer;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * OIDC federation ({@code PORTCULLIS_REALM=oidc}, {@code liberty-config/includes/realm-oidc.xml}): Liberty's own
 * OpenID Connect client is the login of the authorization endpoint, against a real Keycloak. The MCP client is the
 * official TypeScript SDK ({@link RealmJourney}): it discovers Portcullis, registers and asks for authorization;
 * in Chromium the user signs in at Keycloak, comes back and consents at Portcullis; the SDK redeems the code for
 * Portcullis's own audience-bound token and calls tools, and never talks to Keycloak itself. Keycloak's groups
 * become the token's {@code groups} and reach {@code @RolesAllowed} on the EJB; a wrong password gets Keycloak's
 * own error (in Chromium under Selenium); and a Keycloak token (even one with the MCP audience) never gets into
 * {@code /mcp}.
 */
class OidcFederationIT {

    private static final String ORIGIN = Keycloak.PORTCULLIS_ORIGIN;
    private static final String RESOURCE = ORIGIN + "/mcp";

    private static Keycloak keycloak;
    private static AlternateServer server;
    private static RealmJourney journey;
    private WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        keycloak = Keycloak.shared();
        server = new AlternateServer()
                .start(Map.of(
                        "PORTCULLIS_ISSUER",
                        ORIGIN,
                        "PORTCULLIS_MCP_RESOURCE",
                        RESOURCE,
                        "PORTCULLIS_REALM",
                        "oidc",
                        "OIDC_DISCOVERY_URL",
                        keycloak.discoveryUrl(),
                        "OIDC_CLIENT_ID",
                        "portcullis",
                        "OIDC_CLIENT_SECRET",
                        keycloak.loginClientSecret()));
        journey = new RealmJourney(ORIGIN, "keycloak");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void wrongPasswordGetsKeycloaksOwnError() throws Exception {
        browser = HeadlessChromium.start();
        browser.get(new McpClientJourney(ORIGIN).authorizationUrl("http://127.0.0.1:1/cb", "pets:read"));
        waitFor(
                browser,
                b -> b.getCurrentUrl().startsWith(keycloak.issuer() + "/protocol/openid-connect/auth")
                        && has(b, "kc-login"));
        HeadlessChromium.screenshot(browser, "keycloak-login");

        BrowserSteps.signIn(browser, "username", "password", "kc-login", "frank", "not-his-password");
        // Keycloak's login theme (keycloak.v2) shows the error under the user name field.
        waitFor(browser, b -> has(b, "input-error-username"));
        assertThat(browser.findElement(By.id("input-error-username")).getText())
                .contains("Invalid username or password.");
        assertThat(browser.getCurrentUrl()).startsWith(keycloak.issuer());
        HeadlessChromium.screenshot(browser, "keycloak-login-error");
    }

    @Test
    void keycloakAdminSignsInAtKeycloakConsentsAtPortcullisAndHerGroupsReachTheAdminOnlyEjb() throws Exception {
        Outcome frank = journey.signIn("frank", "frank-password");

        assertThat(frank.loginPage()).startsWith(keycloak.issuer() + "/protocol/openid-connect/auth");
        assertPortcullisToken(frank);
        assertThat(frank.whoAmI().getString("name")).isEqualTo("frank");
        assertThat(PetTools.strings(frank.whoAmI().getJsonArray("groups")))
                .containsExactlyInAnyOrder("mcp-users", "mcp-admins");
        assertThat(frank.removal().getBoolean("isError"))
                .as(frank.removal().toString())
                .isFalse();
        assertThat(frank.removal().getString("text"))
                .contains("Removed pet " + frank.removal().getJsonNumber("id"));
    }

    @Test
    void keycloakUserWithoutAdminGroupIsRefusedByTheEjb() throws Exception {
        Outcome grace = journey.signIn("grace", "grace-password");

        assertPortcullisToken(grace);
        assertThat(PetTools.strings(grace.whoAmI().getJsonArray("groups"))).containsExactly("mcp-users");
        assertThat(grace.removal().getBoolean("isError"))
                .as(grace.removal().toString())
                .isTrue();
        assertThat(grace.removal().getString("text")).contains("Only administrators");
    }

    @Test
    void keycloakTokensNeverGetIntoMcpEvenWithTheMcpAudience() throws Exception {
        String keycloakToken = keycloak.clientCredentialsToken("mcp-agent");
        assertThat(McpClientJourney.claims(keycloakToken).toString()).contains("\"" + RESOURCE + "\"");

        Answer answer = McpHttp.to(URI.create(RESOURCE))
                .header("Authorization", "Bearer " + keycloakToken)
                .post(McpHttp.request(
                        "initialize",
                        "{\"protocolVersion\":\"" + McpHttp.LEGACY
                                + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(BearerChallenge.of(answer.response()).get("error")).isEqualTo("invalid_token");
    }

    /**
     * The token the SDK got is Portcullis's: its own issuer, bound to its own MCP endpoint, with the federated groups;
     * and the SDK only ever talked to Portcullis (Keycloak was the browser's business).
     */
    private void assertPortcullisToken(Outcome outcome) {
        assertThat(outcome.token().getString("iss")).isEqualTo(ORIGIN).isNotEqualTo(keycloak.issuer());
        assertThat(outcome.token().get("aud").toString()).isIn("\"" + RESOURCE + "\"", "[\"" + RESOURCE + "\"]");
        assertThat(PetTools.strings(outcome.token().getJsonArray("groups")))
                .containsExactlyInAnyOrderElementsOf(
                        PetTools.strings(outcome.whoAmI().getJsonArray("groups")));
        assertThat(outcome.sdkOrigins()).containsExactly(ORIGIN);
    }
}
