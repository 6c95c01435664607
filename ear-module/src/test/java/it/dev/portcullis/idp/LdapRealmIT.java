package it.dev.portcullis.idp;

import static it.dev.portcullis.idp.BrowserSteps.has;
import static it.dev.portcullis.idp.BrowserSteps.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.idp.RealmJourney.Outcome;
import it.dev.portcullis.oauth.HeadlessChromium;
import it.dev.portcullis.support.AlternateServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The LDAP realm ({@code PORTCULLIS_REALM=ldap}, {@code liberty-config/includes/realm-ldap.xml}) against a real
 * OpenLDAP seeded from {@code src/it-idp/ldap/directory.ldif}. The MCP client is the official TypeScript SDK
 * ({@link RealmJourney}): it does discovery, registration, PKCE and the token request itself, while the directory
 * user signs in on the realm's login page in Chromium and consents; then it calls tools with the token. The
 * directory's groups become the token's {@code groups} and reach {@code @RolesAllowed("mcp-admins")} on the pet
 * store EJB. Wrong password, unknown user and a locked account get the login error page (in Chromium under
 * Selenium), and neither the page nor the server log shows a stack trace.
 */
class LdapRealmIT {

    private static final String ORIGIN = "https://localhost:" + AlternateServer.HTTPS_PORT;

    private static Slapd directory;
    private static AlternateServer server;
    private static RealmJourney journey;
    private WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        directory = Slapd.start(Integer.getInteger("it.ldap.port", 9389));
        server = new AlternateServer()
                .start(Map.of(
                        "PORTCULLIS_ISSUER",
                        ORIGIN,
                        "PORTCULLIS_MCP_RESOURCE",
                        ORIGIN + "/mcp",
                        "PORTCULLIS_REALM",
                        "ldap",
                        "LDAP_HOST",
                        "127.0.0.1",
                        "LDAP_PORT",
                        String.valueOf(directory.port()),
                        // The realm defaults to LDAPS; the test directory is a plain-LDAP slapd on loopback, so it opts
                        // out.
                        "LDAP_SSL",
                        "false",
                        "LDAP_BASE_DN",
                        Slapd.SUFFIX,
                        "LDAP_BIND_DN",
                        Slapd.BIND_DN,
                        "LDAP_BIND_PASSWORD",
                        Slapd.BIND_PASSWORD));
        journey = new RealmJourney(ORIGIN, "portcullis");
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

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void directoryAdminSignsInConsentsAndHerGroupsReachTheAdminOnlyEjb() throws Exception {
        Outcome carol = journey.signIn("carol", "carol-password");

        assertThat(carol.loginPage()).isEqualTo(ORIGIN + "/oauth/login");
        assertThat(carol.whoAmI().getString("name")).isEqualTo("carol");
        assertThat(PetTools.strings(carol.whoAmI().getJsonArray("groups")))
                .containsExactlyInAnyOrder("mcp-users", "mcp-admins");
        assertThat(PetTools.strings(carol.token().getJsonArray("groups")))
                .containsExactlyInAnyOrder("mcp-users", "mcp-admins");
        assertThat(carol.removal().getBoolean("isError"))
                .as(carol.removal().toString())
                .isFalse();
        assertThat(carol.removal().getString("text"))
                .contains("Removed pet " + carol.removal().getJsonNumber("id"));
    }

    @Test
    void directoryUserWithoutAdminGroupIsRefusedByTheEjb() throws Exception {
        Outcome dave = journey.signIn("dave", "dave-password");

        assertThat(dave.whoAmI().getString("name")).isEqualTo("dave");
        assertThat(PetTools.strings(dave.whoAmI().getJsonArray("groups"))).containsExactly("mcp-users");
        assertThat(PetTools.strings(dave.token().getJsonArray("groups"))).containsExactly("mcp-users");
        assertThat(dave.removal().getBoolean("isError"))
                .as(dave.removal().toString())
                .isTrue();
        assertThat(dave.removal().getString("text")).contains("Only administrators");
    }

    @Test
    void wrongPasswordUnknownUserAndLockedAccountGetTheLoginErrorWithoutStackTrace() throws Exception {
        Path log = server.directory().resolve("logs/messages.log");
        long logBefore = Files.size(log);
        String authorization = new McpClientJourney(ORIGIN).authorizationUrl("http://127.0.0.1:1/cb", "pets:read");
        browser = HeadlessChromium.start();

        for (String[] attempt : new String[][] {
            {"carol", "not-her-password", "ldap-wrong-password"},
            {"nobody", "whatever", "ldap-unknown-user"},
            {"erin", "erin-password", "ldap-locked-user"}
        }) {
            // A fresh login page each time, so the error seen is this attempt's.
            browser.get(authorization);
            waitFor(
                    browser,
                    b -> b.getCurrentUrl().contains("/oauth/login") && has(b, "sign-in") && !has(b, "login-error"));
            BrowserSteps.signIn(browser, "j_username", "j_password", "sign-in", attempt[0], attempt[1]);
            waitFor(browser, b -> has(b, "login-error"));
            HeadlessChromium.screenshot(browser, attempt[2]);
            assertThat(browser.findElement(By.id("login-error")).getText())
                    .as(attempt[2])
                    .contains("did not match");
            assertThat(browser.getPageSource())
                    .as(attempt[2])
                    .doesNotContain("Exception")
                    .doesNotContain("at com.");
            assertThat(has(browser, "approve")).isFalse();
        }

        String newLog = Files.readString(log).substring((int) logBefore);
        assertThat(newLog)
                .as("server log during failed logins")
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
        for (String user : new String[] {"carol", "nobody", "erin"}) {
            assertThat(newLog).contains("CWWKS1100A: Authentication did not succeed for user ID " + user + ".");
        }
        assertThat(newLog)
                .as("passwords never reach the log")
                .doesNotContain("not-her-password")
                .doesNotContain("erin-password");
    }
}
