package it.dev.portcullis.oauth;

import static it.dev.portcullis.oauth.AuthorizeFixtures.registerPublicClient;
import static it.dev.portcullis.oauth.AuthorizeFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.idp.BrowserSteps;
import it.dev.portcullis.support.LibertyServer;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The whole user-facing flow in a real headless Chromium: the authorization request sends the browser to the FORM
 * login page, a wrong password shows the login error page, alice signs in, sees the consent page (the verified facts
 * about the client first, its claimed name marked as such, no remote image), approves, and
 * the browser lands on the client's loopback redirect URI (registered without a port) with the code, state and
 * iss. Screenshots of the login, login error and consent pages are kept in target/screenshots/.
 */
class BrowserLoginConsentIT {

    private WebDriver browser;

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
    void authorizeWhenUserLogsInAndApprovesThenLoopbackClientReceivesCode() throws Exception {
        try (LoopbackRedirectReceiver receiver = new LoopbackRedirectReceiver()) {
            String client = registerPublicClient(null, "http://127.0.0.1/cb");
            Map<String, String> authorization = request(client, receiver.redirectUri());

            browser.get(LibertyServer.current()
                    .url("/oauth/authorize?" + UserSession.form(authorization))
                    .toString());
            waitFor(b -> b.getCurrentUrl().contains("/oauth/login"));
            assertThat(browser.getTitle()).startsWith("Sign in");
            HeadlessChromium.screenshot(browser, "login");

            signIn("alice", "wrong-password");
            waitFor(b -> !b.findElements(By.id("login-error")).isEmpty());
            HeadlessChromium.screenshot(browser, "login-error");

            signIn("alice", "alice-password");
            waitFor(b -> !b.findElements(By.id("approve")).isEmpty());
            assertThat(browser.findElement(By.id("client-id")).getText()).isEqualTo(client);
            assertThat(browser.findElement(By.id("client-type")).getText()).startsWith("Public");
            assertThat(browser.findElement(By.id("claimed-name")).getText())
                    .contains("Authorize IT", "has not verified it");
            assertThat(browser.findElement(By.id("remember-note")).getText()).contains("asked every time");
            assertThat(browser.findElements(By.tagName("img"))).isEmpty();
            assertThat(browser.findElement(By.id("subject")).getText()).isEqualTo("alice");
            assertThat(browser.findElement(By.id("redirect-host")).getText()).isEqualTo("127.0.0.1");
            assertThat(browser.findElement(By.id("redirect-warning")).getText()).contains("program on this computer");
            assertThat(browser.getPageSource()).contains("See the pets in the pet store");
            HeadlessChromium.screenshot(browser, "consent");

            browser.findElement(By.id("approve")).click();
            Map<String, String> response = receiver.await();

            assertThat(response.get("code")).matches("[A-Za-z0-9_-]{43}");
            assertThat(response)
                    .containsEntry("state", authorization.get("state"))
                    .containsEntry("iss", RegistrationApi.expectedIssuer());
            waitFor(b -> !b.findElements(By.id("done")).isEmpty());
        }
    }

    private void signIn(String user, String password) {
        BrowserSteps.signIn(browser, "j_username", "j_password", "sign-in", user, password);
    }

    private void waitFor(Predicate<WebDriver> condition) throws InterruptedException {
        BrowserSteps.waitFor(browser, condition);
    }
}
