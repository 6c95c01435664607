package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.idp.BrowserSteps;
import it.dev.portcullis.support.LibertyServer;
import it.dev.portcullis.support.McpHttp;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The account page and the operator console (src/docs/console.md) in a real headless Chromium against the shared
 * server: alice revokes a client from /oauth/account and its access token gets 401 at /mcp; the operator (the demo
 * realm's auditor, group portcullis-admins) finds a client, revokes one token family and the client's next refresh
 * fails; alice, no operator, gets 403 at /oauth/console; and a POST from another origin, or without the form's
 * token, is refused. Every page passes axe-core with no serious or critical violation. Screenshots land in target/screenshots/ (console.md links them).
 */
class ConsolePagesIT {

    private static final String INITIALIZE = McpHttp.request(
            "initialize",
            "{\"protocolVersion\":\"2025-11-25\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}");

    private final LibertyServer server = LibertyServer.current();
    private final CodeFlowTokens flow = new CodeFlowTokens(new TokenApi(server));
    private WebDriver browser;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void accountWhenUserRevokesClientThenItsNextMcpCallGets401() throws Exception {
        String client = CodeFlowTokens.publicClient();
        JsonObject tokens = flow.tokens(client);
        String access = tokens.getString("access_token");
        assertThat(mcpStatus(access)).isEqualTo(200);

        signInAt("/account", "alice", "alice-password"); // the short address at the root, redirected to /oauth/account
        waitFor(b -> BrowserSteps.has(b, "clients"));
        assertThat(browser.findElement(By.id("subject")).getText()).isEqualTo("alice");
        assertNoToken(tokens);
        HeadlessChromium.screenshot(browser, "account");
        AxeCheck.assertNoSeriousViolation(browser);

        browser.findElement(rowOf(client)).findElement(By.tagName("button")).click();
        waitFor(b -> b.getCurrentUrl().endsWith("/oauth/account")
                && BrowserSteps.has(b, "subject")
                && b.findElements(rowOf(client)).isEmpty());

        assertThat(mcpStatus(access))
                .as("the revoked client's access token at /mcp")
                .isEqualTo(401);
        HttpResponse<String> refresh = flow.refresh(client, tokens.getString("refresh_token"));
        assertThat(refresh.statusCode()).isEqualTo(400);
        assertThat(refresh.body()).contains("invalid_grant");

        assertNavigatesToInspector("/oauth/account/inspector");
    }

    @Test
    void consoleWhenOperatorRevokesFamilyThenClientsNextRefreshFails() throws Exception {
        String client = CodeFlowTokens.publicClient();
        JsonObject tokens = flow.tokens(client);

        signInAt(
                "/oauth/console?q=" + URLEncoder.encode(client, StandardCharsets.UTF_8), "auditor", "auditor-password");
        waitFor(b -> BrowserSteps.has(b, "clients"));
        assertThat(browser.findElements(By.cssSelector("#clients code.client-id")))
                .extracting(e -> e.getText())
                .containsExactly(client);
        HeadlessChromium.screenshot(browser, "console-clients");
        AxeCheck.assertNoSeriousViolation(browser);

        browser.findElement(By.cssSelector("#clients a")).click();
        waitFor(b -> BrowserSteps.has(b, "grants"));
        assertThat(browser.findElement(By.id("client-id")).getText()).isEqualTo(client);
        assertThat(browser.findElement(By.id("active-families")).getText()).isEqualTo("1");
        assertNoToken(tokens);
        HeadlessChromium.screenshot(browser, "console-client");
        AxeCheck.assertNoSeriousViolation(browser);

        browser.findElement(By.cssSelector("#grants button[aria-label^='Revoke this token family']"))
                .click();
        waitFor(b -> BrowserSteps.has(b, "no-grants") || BrowserSteps.has(b, "refusal"));
        assertThat(browser.findElements(By.id("refusal")))
                .as("the operator's own form must be accepted")
                .isEmpty();

        HttpResponse<String> refresh = flow.refresh(client, tokens.getString("refresh_token"));
        assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(400);
        assertThat(refresh.body()).contains("invalid_grant");
        assertThat(mcpStatus(tokens.getString("access_token"))).isEqualTo(401);

        assertNavigatesToInspector("/oauth/console/inspector");
    }

    @Test
    void userAndConsentsPagesInChromiumPassAxe() throws Exception {
        String name = RegistrationApi.uniqueName("Console consents IT");
        JsonObject registered = AuthorizeFixtures.register("client_secret_basic", name, null, CodeFlowTokens.REDIRECT);
        String client = registered.getString("client_id");
        JsonObject tokens = flow.confidentialTokens(client, registered.getString("client_secret"));

        signInAt("/oauth/console/user?subject=alice", "auditor", "auditor-password");
        waitFor(b -> BrowserSteps.has(b, "grants"));
        assertThat(browser.findElement(By.id("user-subject")).getText()).isEqualTo("alice");
        assertThat(browser.findElements(By.cssSelector("#grants code.client-id")))
                .extracting(e -> e.getText())
                .contains(client);
        assertNoToken(tokens);
        HeadlessChromium.screenshot(browser, "console-user");
        AxeCheck.assertNoSeriousViolation(browser);
        browser.quit();

        signInAt("/oauth/consents", "alice", "alice-password");
        waitFor(b -> b.getCurrentUrl().endsWith("/oauth/consents")
                && !b.findElements(By.cssSelector("table.consents")).isEmpty());
        assertThat(browser.getPageSource())
                .as("the confidential client's remembered consent")
                .contains(name);
        assertNoToken(tokens);
        HeadlessChromium.screenshot(browser, "consents");
        AxeCheck.assertNoSeriousViolation(browser);
    }

    @Test
    void consoleWhenUserIsNoOperatorThen403() throws Exception {
        assertThat(UserSession.loggedIn("alice", "alice-password")
                        .get("/oauth/console")
                        .statusCode())
                .isEqualTo(403);
        assertThat(UserSession.loggedIn("alice", "alice-password")
                        .get("/oauth/console/client?id=x")
                        .statusCode())
                .isEqualTo(403);
        assertThat(UserSession.loggedIn("auditor", "auditor-password")
                        .get("/oauth/console")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> anonymous = UserSession.anonymous().get("/oauth/console");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).contains("/oauth/login");
        HttpResponse<String> shortcut = UserSession.anonymous().get("/console/client?id=x");
        assertThat(shortcut.statusCode()).isEqualTo(302);
        assertThat(shortcut.headers().firstValue("Location")).contains("/oauth/console/client?id=x");
        assertThat(UserSession.anonymous().get("/account").headers().firstValue("Location"))
                .contains("/oauth/account");

        signInAt("/oauth/console", "alice", "alice-password");
        waitFor(b -> BrowserSteps.has(b, "refusal"));
        assertThat(browser.findElement(By.id("refusal")).getText()).contains("portcullis-admins");
        HeadlessChromium.screenshot(browser, "console-refused");
        AxeCheck.assertNoSeriousViolation(browser);
    }

    @Test
    void accountWhenPostIsCrossSiteOrWithoutItsFormTokenThenRefused() throws Exception {
        String client = CodeFlowTokens.publicClient();
        JsonObject tokens = flow.tokens(client);
        UserSession alice = UserSession.loggedIn("alice", "alice-password");
        String page = alice.get("/oauth/account").body();
        assertThat(page).contains(client);
        Map<String, String> form = UserSession.hiddenFields(page.substring(page.indexOf(client)));
        assertThat(form).containsEntry("client_id", client).containsKey("csrf_token");

        assertRefused(alice.postForm("/oauth/account/revoke", form, "Origin", "https://attacker.example"));
        assertRefused(alice.postForm("/oauth/account/revoke", form, "Origin", "null"));
        assertRefused(alice.postForm("/oauth/account/revoke", form, "Sec-Fetch-Site", "cross-site"));
        assertRefused(alice.postForm("/oauth/account/revoke", form, "Sec-Fetch-Site", "same-site", "Origin", "null"));
        assertRefused(alice.postForm("/oauth/account/revoke", AuthorizeFixtures.with(form, "csrf_token", null)));
        assertRefused(UserSession.loggedIn("bob", "bob-password").postForm("/oauth/account/revoke", form));
        assertRefused(UserSession.loggedIn("auditor", "auditor-password")
                .postForm(
                        "/oauth/console/revoke-client",
                        Map.of("client_id", client, "csrf_token", form.get("csrf_token"))));
        assertThat(mcpStatus(tokens.getString("access_token")))
                .as("after the refused POSTs")
                .isEqualTo(200);
        assertThat(alice.get("/oauth/account").body()).contains(client);

        HttpResponse<String> genuine = alice.postForm(
                "/oauth/account/revoke",
                form,
                "Origin",
                server.url("/").toString().replaceAll("/$", ""),
                "Sec-Fetch-Site",
                "same-origin");
        assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(303);
        assertThat(genuine.headers().firstValue("Location").orElseThrow())
                .isEqualTo(server.url("/oauth/account").toString());
        assertThat(mcpStatus(tokens.getString("access_token"))).isEqualTo(401);
    }

    /** The page's navigation links its live inspector, and the link opens it, live. */
    private void assertNavigatesToInspector(String path) throws InterruptedException {
        WebElement link = browser.findElement(By.cssSelector("nav #inspector-link"));
        assertThat(link.getText()).isEqualTo("Live inspector");
        assertThat(link.getDomAttribute("href")).isEqualTo(path);
        link.click();
        waitFor(b -> b.getCurrentUrl().endsWith(path)
                && BrowserSteps.has(b, "exchanges")
                && b.findElement(By.id("stream-status")).getText().equals("Live."));
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains("was not sent from this server");
    }

    private void signInAt(String path, String user, String password) throws InterruptedException {
        browser = HeadlessChromium.start();
        browser.get(server.url(path).toString());
        waitFor(b -> b.getCurrentUrl().contains("/oauth/login"));
        BrowserSteps.signIn(browser, "j_username", "j_password", "sign-in", user, password);
    }

    /** The page never shows the client's tokens (nor their hashes' usual prefix-free forms: the values themselves). */
    private void assertNoToken(JsonObject tokens) {
        assertThat(browser.getPageSource())
                .doesNotContain(tokens.getString("access_token"), tokens.getString("refresh_token"));
    }

    private static By rowOf(String client) {
        return By.xpath("//table[@id='clients']//tr[.//code[text()='" + client + "']]");
    }

    private int mcpStatus(String accessToken) throws Exception {
        return McpHttp.to(server.url("/mcp"))
                .header("Authorization", "Bearer " + accessToken)
                .post(INITIALIZE)
                .status();
    }

    private void waitFor(Predicate<WebDriver> condition) throws InterruptedException {
        BrowserSteps.waitFor(browser, condition);
    }
}
