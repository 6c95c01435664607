package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.idp.BrowserSteps;
import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.LibertyServer;
import it.dev.portcullis.support.McpHttp;
import it.dev.portcullis.support.SdkClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The live inspector (src/docs/console.md#live-inspector) in Chromium against the suite server: an operator's inspector
 * shows a call the official TypeScript SDK client makes with alice's real token within a second of the call returning,
 * with the SDK's client name, and no token anywhere in the page; bob's own inspector shows his call and not alice's;
 * bob's "try a tool" calls who_am_i as bob and, with a token lacking pets:read, shows list_pets' 403 challenge; a
 * non-operator gets 403 at the console inspector and its stream, a try posted cross-site or without the form token is
 * refused, and one whose arguments are nested too deep gets a 400 that says why. Both pages pass axe-core; at a phone's
 * 390 px no header or cell of the table wraps.
 */
class ConsoleInspectorIT {

    /** The MCP client name the SDK sends in its initialize (clientInfo). */
    private static final String SDK_CLIENT_NAME = "portcullis-inspector-it";

    /**
     * Notes, in {@code window.portcullisRowShown}, the time (epoch ms) each exchange's row first appeared in the
     * table; the page re-renders the rows on each event, so an exchange keeps its first time.
     */
    private static final String NOTE_ROWS_SHOWN = """
            window.portcullisRowShown = {};
            const body = document.querySelector('#exchanges tbody');
            const note = () => {
              const now = Date.now();
              for (const row of body.rows) {
                if (!(row.dataset.id in window.portcullisRowShown)) window.portcullisRowShown[row.dataset.id] = now;
              }
            };
            note();
            new MutationObserver(note).observe(body, { childList: true });
            """;

    /** The most text lines any one text of a header or cell of the traffic table takes. */
    private static final String MOST_LINES_IN_A_CELL = """
            let most = 0;
            for (const cell of document.querySelectorAll('#exchanges th, #exchanges td')) {
              const texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
              for (let text = texts.nextNode(); text; text = texts.nextNode()) {
                const range = document.createRange();
                range.selectNodeContents(text);
                const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
                most = Math.max(most, tops.size);
              }
            }
            return most;
            """;

    private final LibertyServer server = LibertyServer.current();
    private final TokenApi api = new TokenApi(server);
    private WebDriver browser;

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /**
     * The official TypeScript SDK client ({@link SdkClient}, scenario {@code inspector-call} of
     * src/e2e/client/journey.mjs) calls who_am_i with alice's real access token in its Authorization header. A
     * MutationObserver put in the page before the call notes when each row first appeared (Chromium's clock, the one
     * Node's Date.now() reads); the SDK's row, found by its session's label, must appear less than a second after
     * the SDK's callTool returned.
     */
    @Test
    void inspectorWhenSdkClientCallsWithRealTokenThenShownWithinASecondAndNoTokenInPage() throws Exception {
        SdkClient sdk = SdkClient.install();
        String clientId = CodeFlowTokens.publicClient();
        String token = new CodeFlowTokens(api)
                .tokens(clientId, "alice", "alice-password", "pets:read pets:write")
                .getString("access_token");
        browser = HeadlessChromium.start();
        signIn("/oauth/console/inspector", "auditor", "auditor-password");
        ((JavascriptExecutor) browser).executeScript(NOTE_ROWS_SHOWN);

        Map<String, String> proven = sdk.run(
                "inspector-call",
                "console-inspector",
                server.url("/mcp"),
                Map.of("E2E_ACCESS_TOKEN", token, "E2E_CLIENT_NAME", SDK_CLIENT_NAME),
                List.of("connect", "call"));
        JsonObject call =
                Json.createReader(new StringReader(proven.get("call"))).readObject();
        assertThat(call.getString("subject")).isEqualTo("alice");
        String session = sessionLabel(call.getString("session"));
        BrowserSteps.waitFor(browser, b -> inSession(session, "tools/call").isPresent());
        WebElement row = inSession(session, "tools/call").orElseThrow();
        long shownAt = ((Number) ((JavascriptExecutor) browser)
                        .executeScript(
                                "return window.portcullisRowShown[arguments[0]];", row.getDomAttribute("data-id")))
                .longValue();

        long shownAfter = shownAt - call.getJsonNumber("returnedAt").longValue();
        System.out.println("[console-inspector] the SDK's call was shown " + shownAfter + " ms after it returned");
        assertThat(shownAfter)
                .as("milliseconds from the SDK's callTool returning to its row in the inspector")
                .isLessThan(1000);
        assertThat(cells(row))
                .as("time, method, target, caller, client, session, status, ms")
                .containsSubsequence("tools/call", "who_am_i", "alice", clientId, session, "200");
        row.findElement(By.tagName("button")).click();
        BrowserSteps.waitFor(browser, b -> !text("detail-response").isEmpty());
        assertThat(text("detail-request")).contains("\"who_am_i\"");
        assertThat(text("detail-response")).contains("\"alice\"");
        assertThat(text("detail-summary")).contains("status 200", "ms", "client " + clientId);
        assertNoToken(browser.getPageSource(), token);
        HeadlessChromium.screenshot(browser, "console-inspector");
        AxeCheck.assertNoSeriousViolation(browser);

        // The SDK's own identity: the clientInfo of its initialize, in the same session.
        inSession(session, "initialize")
                .orElseThrow()
                .findElement(By.tagName("button"))
                .click();
        BrowserSteps.waitFor(browser, b -> text("detail-summary").startsWith("initialize"));
        assertThat(text("detail-request")).contains("\"clientInfo\"", "\"" + SDK_CLIENT_NAME + "\"");
        assertNoToken(browser.getPageSource(), token);

        browser.findElement(By.id("pause")).click();
        assertThat(browser.findElement(By.id("pause")).getAttribute("aria-pressed"))
                .isEqualTo("true");
        int before = rows().size();
        assertThat(whoAmI(token).status()).isEqualTo(200);
        Thread.sleep(1000);
        assertThat(rows()).as("paused").hasSize(before);
        browser.findElement(By.id("pause")).click();
        BrowserSteps.waitFor(browser, b -> rows().size() > before);
    }

    @Test
    void accountInspectorWhenOtherUserCallsThenOnlyOwnShown() throws Exception {
        String alice = accessToken("alice", "alice-password");
        String bob = accessToken("bob", "bob-password");
        browser = HeadlessChromium.start();
        signIn("/oauth/account/inspector", "bob", "bob-password");

        assertThat(whoAmI(alice).status()).isEqualTo(200);
        assertThat(whoAmI(bob).status()).isEqualTo(200);
        waitForRow("who_am_i", "bob");
        assertThat(browser.findElement(By.id("exchanges")).getText()).doesNotContain("alice");

        assertNoToken(browser.getPageSource(), bob);
        assertThat(browser.getPageSource()).doesNotContain(alice);
        HeadlessChromium.screenshot(browser, "account-inspector");
        AxeCheck.assertNoSeriousViolation(browser);

        // The narrow layout, a phone's 390 px: no header or cell breaks inside a word, and the table scrolls in its
        // own region while the page itself does not scroll sideways.
        browser.manage().window().setSize(new Dimension(390, 844));
        BrowserSteps.waitFor(browser, b -> ((Number) script("return window.innerWidth;")).intValue() <= 390);
        assertThat(script(MOST_LINES_IN_A_CELL))
                .as("text lines of the most wrapped header or cell of the table")
                .isEqualTo(1L);
        assertThat(script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"))
                .as("the page fits the width")
                .isEqualTo(true);
        script("document.getElementById('exchanges').scrollIntoView();");
        HeadlessChromium.screenshot(browser, "account-inspector-narrow");
        AxeCheck.assertNoSeriousViolation(browser);
    }

    /**
     * Try a tool as bob through the real endpoint: the server's call to its own /mcp trusts the certificate the ITs
     * write (portcullis.console.inspector.trusted-certificates in the test server's options).
     */
    @Test
    void tryToolWhenWhoAmIThenUserShownAndWhenScopeLackingThen403Challenge() throws Exception {
        Https.trustingServer(server); // writes it.server.certificate.pem, which the server's self-call trusts
        String bob = accessToken("bob", "bob-password");
        browser = HeadlessChromium.start();
        signIn("/oauth/account/inspector", "bob", "bob-password");

        browser.findElement(By.id("try-scope-pets-read")).click();
        browser.findElement(By.id("try-load")).click();
        BrowserSteps.waitFor(browser, b -> b.findElement(By.id("try-tool")).isEnabled());
        choose("who_am_i");
        browser.findElement(By.id("try-call")).click();
        BrowserSteps.waitFor(
                browser,
                b -> text("try-status").startsWith("HTTP 200")
                        && text("try-response").contains("\"bob\""));
        assertThat(text("try-request")).contains("Authorization: Bearer [redacted]", "\"who_am_i\"");

        choose("list_pets");
        browser.findElement(By.id("try-scope-pets-read")).click(); // the call's token now lacks pets:read
        browser.findElement(By.id("try-call")).click();
        BrowserSteps.waitFor(browser, b -> text("try-status").startsWith("HTTP 403"));
        assertThat(text("try-challenge")).contains("insufficient_scope", "pets:read");
        waitForRow("list_pets", "bob");
        assertNoToken(browser.getPageSource(), bob);
    }

    @Test
    void inspectorWhenNoOperatorThen403AndTryForgedThenRefused() throws Exception {
        UserSession alice = UserSession.loggedIn("alice", "alice-password");
        assertThat(alice.get("/oauth/console/inspector").statusCode()).isEqualTo(403);
        assertThat(alice.get("/oauth/console/inspector/events").statusCode()).isEqualTo(403);
        assertThat(UserSession.anonymous().get("/oauth/account/inspector").statusCode())
                .isEqualTo(302);

        HttpResponse<String> page = alice.get("/oauth/account/inspector");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        Matcher csrf = Pattern.compile("data-csrf=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).isTrue();
        Map<String, String> form =
                Map.of("csrf_token", csrf.group(1), "method", "tools/call", "tool", "who_am_i", "arguments", "{}");

        HttpResponse<String> crossSite = alice.postForm(
                "/oauth/account/inspector/call",
                form,
                "Origin",
                "https://attacker.example",
                "Sec-Fetch-Site",
                "cross-site");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.body()).doesNotContain("who_am_i");
        HttpResponse<String> noToken =
                alice.postForm("/oauth/account/inspector/call", AuthorizeFixtures.with(form, "csrf_token", null));
        assertThat(noToken.statusCode()).isEqualTo(403);
        HttpResponse<String> genuine = alice.postForm("/oauth/account/inspector/call", form);
        assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(200);
        assertThat(genuine.body()).contains("Bearer [redacted]", "\"status\":").doesNotContain("eyJ");
        assertThat(genuine.headers().firstValue("Cache-Control")).hasValue("no-store");

        // Arguments nested deeper than JsonInput allows (one past it, and past Parsson's own limit, whose bare
        // RuntimeException was a 500): 65 and well-formed 7,000 levels within the length limit, and 10,000 unclosed
        // '[': a 400 saying why.
        for (String deep : List.of(
                "{\"a\":" + "[".repeat(65) + "]".repeat(65) + "}",
                "{\"a\":" + "[".repeat(7_000) + "]".repeat(7_000) + "}",
                "{\"a\":" + "[".repeat(10_000) + "}")) {
            HttpResponse<String> nested =
                    alice.postForm("/oauth/account/inspector/call", AuthorizeFixtures.with(form, "arguments", deep));
            assertThat(nested.statusCode()).as(nested.body()).isEqualTo(400);
            assertThat(nested.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(nested.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/json");
            assertThat(nested.body())
                    .contains("The arguments must be a JSON object nested at most 64 levels deep.")
                    .doesNotContain("Exception");
        }
        HttpResponse<String> notObject =
                alice.postForm("/oauth/account/inspector/call", AuthorizeFixtures.with(form, "arguments", "[1]"));
        assertThat(notObject.statusCode()).as(notObject.body()).isEqualTo(400);
        assertThat(alice.postForm("/oauth/account/inspector/call", form).statusCode())
                .as("a genuine try after the refused ones")
                .isEqualTo(200);
    }

    private Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    private String accessToken(String user, String password) throws Exception {
        return new CodeFlowTokens(api)
                .tokens(CodeFlowTokens.publicClient(), user, password, "pets:read pets:write")
                .getString("access_token");
    }

    private McpHttp.Answer whoAmI(String token) throws Exception {
        return McpHttp.to(server.url("/mcp"))
                .header("Authorization", "Bearer " + token)
                .modern("tools/call", "who_am_i", "{\"name\":\"who_am_i\",\"arguments\":{}}");
    }

    private void signIn(String path, String user, String password) throws InterruptedException {
        browser.get(server.url(path).toString());
        BrowserSteps.waitFor(browser, b -> b.getCurrentUrl().contains("/oauth/login"));
        BrowserSteps.signIn(browser, "j_username", "j_password", "sign-in", user, password);
        BrowserSteps.waitFor(browser, b -> BrowserSteps.has(b, "exchanges"));
        BrowserSteps.waitFor(browser, b -> text("stream-status").equals("Live."));
    }

    /** The row of {@code method} in the inspector session labelled {@code session}. */
    private Optional<WebElement> inSession(String session, String method) {
        return rows().stream()
                .filter(row -> {
                    List<String> cells = cells(row);
                    return cells.size() > 5
                            && cells.get(1).equals(method)
                            && cells.get(5).equals(session);
                })
                .findFirst();
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream()
                .map(WebElement::getText)
                .map(String::strip)
                .toList();
    }

    /** The inspector's label of a legacy session: the first 6 bytes of its id's SHA-256, in hex (McpExchanges). */
    private static String sessionLabel(String session) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(session.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 6);
    }

    private void waitForRow(String target, String subject) throws InterruptedException {
        BrowserSteps.waitFor(browser, b -> !matching(target, subject).isEmpty());
    }

    /** The table's rows of {@code target} called by {@code subject}, newest first. */
    private List<WebElement> matching(String target, String subject) {
        return rows().stream()
                .filter(row -> row.getText().contains(target) && row.getText().contains(subject))
                .toList();
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#exchanges tbody tr"));
    }

    /** Picks a tool in the try-a-tool list, as a click on its option does. */
    private void choose(String tool) {
        browser.findElement(By.cssSelector("#try-tool option[value='" + tool + "']"))
                .click();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void assertNoToken(String page, String token) {
        assertThat(page)
                .doesNotContain(token)
                .doesNotContain(token.substring(0, 40))
                .doesNotContain("eyJ");
    }
}
