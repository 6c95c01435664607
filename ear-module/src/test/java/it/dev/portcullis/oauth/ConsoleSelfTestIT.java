package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.idp.BrowserSteps;
import it.dev.portcullis.support.LibertyServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The console's self-test page (src/docs/console.md#self-test) against the suite server: an operator sees every
 * known client of src/selftest/client-profiles.json with a verdict, all ready on this server, the server's own
 * checks passed and the command-line self-test's command for its URL; it registers nothing; a user outside the
 * operator group gets 403 and an anonymous one the login page. In Chromium it passes axe-core.
 */
class ConsoleSelfTestIT {

    private static final List<String> PROFILES =
            List.of("claude-ai", "claude-code", "vscode", "cursor", "chatgpt", "mcp-inspector", "mcp-remote");

    private final LibertyServer server = LibertyServer.current();
    private WebDriver browser;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void selfTestWhenOperatorLooksThenEveryKnownClientReadyAndNothingRegistered() throws Exception {
        String newestBefore = newestClient();

        HttpResponse<String> page =
                UserSession.loggedIn("auditor", "auditor-password").get("/oauth/console/selftest");

        assertThat(page.statusCode()).isEqualTo(200);
        for (String profile : PROFILES) {
            assertThat(page.body())
                    .as(profile)
                    .containsPattern("<tr id=\"client-" + profile + "\">.*?class=\"verdict pass\">ready<");
        }
        assertThat(page.body()).doesNotContain("class=\"verdict fail\"", "<strong>fails:</strong>");
        assertThat(page.body())
                .contains("Public origin", "PKCE", "java src/selftest/PortcullisSelfTest.java " + server.url("/mcp"))
                .doesNotContain("class=\"fail\"");
        assertThat(newestClient()).as("the page registers no client").isEqualTo(newestBefore);
    }

    @Test
    void selfTestWhenNoOperatorThen403AndAnonymousThenLogin() throws Exception {
        HttpResponse<String> alice =
                UserSession.loggedIn("alice", "alice-password").get("/oauth/console/selftest");
        assertThat(alice.statusCode()).isEqualTo(403);
        assertThat(alice.body()).doesNotContain("client-cursor");

        HttpResponse<String> anonymous = UserSession.anonymous().get("/oauth/console/selftest");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).contains("/oauth/login");
    }

    @Test
    void selfTestInChromiumThenVerdictsShownAndNoSeriousAccessibilityViolation() throws Exception {
        browser = HeadlessChromium.start();
        browser.get(server.url("/oauth/console/selftest").toString());
        BrowserSteps.waitFor(browser, b -> b.getCurrentUrl().contains("/oauth/login"));
        BrowserSteps.signIn(browser, "j_username", "j_password", "sign-in", "auditor", "auditor-password");
        BrowserSteps.waitFor(browser, b -> BrowserSteps.has(b, "clients"));

        List<WebElement> verdicts = browser.findElements(By.cssSelector("#clients td.verdict"));
        assertThat(verdicts)
                .hasSize(PROFILES.size())
                .allSatisfy(v -> assertThat(v.getText()).isEqualTo("ready"));
        HeadlessChromium.screenshot(browser, "console-selftest");
        AxeCheck.assertNoSeriousViolation(browser);
    }

    /** The newest registered client's id, as the operator console's client list (newest first) shows it. */
    private static String newestClient() throws Exception {
        HttpResponse<String> list =
                UserSession.loggedIn("auditor", "auditor-password").get("/oauth/console");
        assertThat(list.statusCode()).isEqualTo(200);
        Matcher id = Pattern.compile("<code class=\"client-id\">([^<]*)</code>").matcher(list.body());
        return id.find() ? id.group(1) : "";
    }
}
