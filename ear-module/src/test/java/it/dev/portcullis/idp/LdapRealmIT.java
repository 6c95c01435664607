package it.dev.portcullis.idp;

import static it.dev.portcullis.idp.BrowserSteps.has;
import static it.dev.portcullis.idp.BrowserSteps.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.oauth.HeadlessChromium;
import it.dev.portcullis.oauth.LoopbackRedirectReceiver;
import it.dev.portcullis.support.AlternateServer;
import it.dev.portcullis.support.McpHttp.Answer;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The LDAP realm ({@code PORTCULLIS_REALM=ldap}, {@code liberty-config/includes/realm-ldap.xml}) against a real
 * OpenLDAP seeded from {@code src/it-idp/ldap/directory.ldif}: a directory user signs in on the authorization page
 * in Chromium, consents, and the client calls tools with the token; the directory's groups become the token's
 * {@code groups} and reach {@code @RolesAllowed("mcp-admins")} on the pet store EJB. Wrong password, unknown user
 * and a locked account get the login error page, and neither the page nor the server log shows a stack trace.
 */
class LdapRealmIT {

    private static final String ORIGIN = "https://localhost:" + AlternateServer.HTTPS_PORT;

    private static Slapd directory;
    private static AlternateServer server;
    private WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        directory = Slapd.start(Integer.getInteger("it.ldap.port", 9389));
        server = new AlternateServer().start(Map.of(
                "PORTCULLIS_ISSUER", ORIGIN,
                "PORTCULLIS_MCP_RESOURCE", ORIGIN + "/mcp",
                "PORTCULLIS_REALM", "ldap",
                "LDAP_HOST", "127.0.0.1",
                "LDAP_PORT", String.valueOf(directory.port()),
                "LDAP_BASE_DN", Slapd.SUFFIX,
                "LDAP_BIND_DN", Slapd.BIND_DN,
                "LDAP_BIND_PASSWORD", Slapd.BIND_PASSWORD));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (directory != null) {
                directory.close();
            }
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
    void directoryAdminSignsInConsentsAndHerGroupsReachTheAdminOnlyEjb() throws Exception {
        String token = signInAndConsent("carol", "carol-password", "ldap-consent");

        JsonObject who = PetTools.whoAmI(ORIGIN, token);
        assertThat(who.getString("name")).isEqualTo("carol");
        assertThat(PetTools.strings(who.getJsonArray("groups"))).containsExactlyInAnyOrder("mcp-users", "mcp-admins");

        long id = PetTools.addPet(ORIGIN, token, "Directory cat");
        Answer removed = McpClientJourney.callTool(ORIGIN + "/mcp", token, "remove_pet", "{\"id\":" + id + "}");
        assertThat(removed.result().getBoolean("isError", false)).as(removed.result().toString()).isFalse();
        assertThat(removed.result().toString()).contains("Removed pet " + id);
    }

    @Test
    void directoryUserWithoutAdminGroupIsRefusedByTheEjb() throws Exception {
        String token = signInAndConsent("dave", "dave-password", "ldap-consent-user");

        JsonObject who = PetTools.whoAmI(ORIGIN, token);
        assertThat(who.getString("name")).isEqualTo("dave");
        assertThat(PetTools.strings(who.getJsonArray("groups"))).containsExactly("mcp-users");

        long id = PetTools.addPet(ORIGIN, token, "Safe dog");
        Answer removed = McpClientJourney.callTool(ORIGIN + "/mcp", token, "remove_pet", "{\"id\":" + id + "}");
        assertThat(removed.result().getBoolean("isError")).isTrue();
        assertThat(removed.result().toString()).contains("Only administrators");
    }

    @Test
    void wrongPasswordUnknownUserAndLockedAccountGetTheLoginErrorWithoutStackTrace() throws Exception {
        Path log = server.directory().resolve("logs/messages.log");
        long logBefore = Files.size(log);
        String authorization = new McpClientJourney(ORIGIN).authorizationUrl("http://127.0.0.1:1/cb", "pets:read");

        for (String[] attempt : new String[][] {
                {"carol", "not-her-password", "ldap-wrong-password"},
                {"nobody", "whatever", "ldap-unknown-user"},
                {"erin", "erin-password", "ldap-locked-user"}}) {
            // A fresh login page each time, so the error seen is this attempt's.
            browser.get(authorization);
            waitFor(browser, b -> b.getCurrentUrl().contains("/oauth/login") && has(b, "sign-in") && !has(b, "login-error"));
            BrowserSteps.signIn(browser, "j_username", "j_password", "sign-in", attempt[0], attempt[1]);
            waitFor(browser, b -> has(b, "login-error"));
            HeadlessChromium.screenshot(browser, attempt[2]);
            assertThat(browser.findElement(By.id("login-error")).getText()).as(attempt[2]).contains("did not match");
            assertThat(browser.getPageSource()).as(attempt[2]).doesNotContain("Exception").doesNotContain("at com.");
            assertThat(has(browser, "approve")).isFalse();
        }

        String newLog = Files.readString(log).substring((int) logBefore);
        assertThat(newLog).as("server log during failed logins").doesNotContain("\tat ").doesNotContain("Exception");
        for (String user : new String[] {"carol", "nobody", "erin"}) {
            assertThat(newLog).contains("CWWKS1100A: Authentication did not succeed for user ID " + user + ".");
        }
        assertThat(newLog).as("passwords never reach the log").doesNotContain("not-her-password").doesNotContain("erin-password");
    }

    /** The browser part of the journey; returns the access token the client redeemed. */
    private String signInAndConsent(String user, String password, String screenshot) throws Exception {
        try (LoopbackRedirectReceiver receiver = new LoopbackRedirectReceiver()) {
            McpClientJourney client = new McpClientJourney(ORIGIN);
            browser.get(client.authorizationUrl(receiver.redirectUri(), "pets:read pets:write"));
            waitFor(browser, b -> b.getCurrentUrl().contains("/oauth/login"));
            BrowserSteps.signIn(browser, "j_username", "j_password", "sign-in", user, password);
            BrowserSteps.approve(browser, user, screenshot);
            JsonObject tokens = client.redeem(receiver.await());
            String token = tokens.getString("access_token");
            assertThat(PetTools.strings(McpClientJourney.claims(token).getJsonArray("groups"))).contains("mcp-users");
            return token;
        }
    }
}
