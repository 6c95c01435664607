package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.idp.BrowserSteps;
import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.LibertyServer;
import it.dev.portcullis.support.McpHttp;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Personal access tokens (src/docs/console.md#personal-access-tokens) against the shared server. alice mints one
 * on /oauth/account/tokens. curl, the real binary, calls a tool with it at /mcp, acting as alice. She revokes it,
 * and the same curl gets 401. The token is shown once: not on the list and not in the audit record. A scope the
 * server does not support, a lifetime past the maximum, a forged form and another user's revocation all change nothing.
 */
class PersonalTokensIT {

    private final LibertyServer server = LibertyServer.current();

    @Test
    void tokenWhenMintedThenCurlCallsAToolAsTheUserAndAfterRevocationGets401() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        UserSession alice = UserSession.loggedIn("alice", "alice-password");
        HttpResponse<String> minted = alice.postForm(
                "/oauth/account/tokens",
                AuthorizeFixtures.with(createForm(alice), "name", "nightly job", "scope", "pets:read", "days", "7"));
        assertThat(minted.statusCode()).as(minted.body()).isEqualTo(200);
        assertThat(minted.headers().firstValue("Cache-Control")).hasValue("no-store");
        String token = between(minted.body(), "<code id=\"new-token\">", "</code>");

        CurlAnswer call = curlToolCall(token);
        assertThat(call.status()).as(call.body()).isEqualTo(200);
        assertThat(call.body()).contains("alice");

        String list = alice.get("/oauth/account/tokens").body();
        assertThat(list).contains("nightly job").contains("pets:read").doesNotContain(token);
        List<JsonObject> created = AuditTrailIT.awaitRecords(
                "type=personal-token.created&subject=alice&from=" + start, "personal-token.created");
        assertThat(created)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.toString()).doesNotContain(token));

        Map<String, String> revoke = UserSession.hiddenFields(list.substring(list.indexOf("/account/tokens/revoke")));
        assertForged(UserSession.loggedIn("bob", "bob-password").postForm("/oauth/account/tokens/revoke", revoke));
        assertThat(curlToolCall(token).status())
                .as("after bob's refused revocation")
                .isEqualTo(200);
        assertThat(alice.postForm("/oauth/account/tokens/revoke", revoke).statusCode())
                .isEqualTo(303);

        CurlAnswer afterRevocation = curlToolCall(token);
        assertThat(afterRevocation.status()).isEqualTo(401);
        assertThat(alice.get("/oauth/account/tokens").body()).contains("revoked");
    }

    @Test
    void mintWhenScopeUnsupportedLifetimeTooLongOrFormForgedThenNoToken() throws Exception {
        UserSession alice = UserSession.loggedIn("alice", "alice-password");
        Map<String, String> form = createForm(alice);

        assertProblem(
                alice.postForm(
                        "/oauth/account/tokens",
                        AuthorizeFixtures.with(form, "name", "x", "scope", "admin:everything", "days", "7")),
                "scopes");
        assertProblem(
                alice.postForm(
                        "/oauth/account/tokens",
                        AuthorizeFixtures.with(form, "name", "x", "scope", "pets:read", "days", "365")),
                "at most");
        assertProblem(
                alice.postForm(
                        "/oauth/account/tokens",
                        AuthorizeFixtures.with(form, "name", "x", "scope", "pets:read", "days", "-1")),
                "at most");
        assertProblem(
                alice.postForm(
                        "/oauth/account/tokens",
                        AuthorizeFixtures.with(form, "name", "", "scope", "pets:read", "days", "7")),
                "name");
        assertForged(alice.postForm(
                "/oauth/account/tokens",
                AuthorizeFixtures.with(form, "csrf_token", null, "name", "x", "scope", "pets:read", "days", "7")));
        assertForged(alice.postForm(
                "/oauth/account/tokens",
                AuthorizeFixtures.with(form, "name", "x", "scope", "pets:read", "days", "7"),
                "Origin",
                "https://attacker.example"));
        assertThat(UserSession.anonymous().get("/oauth/account/tokens").statusCode())
                .isEqualTo(302);
    }

    @Test
    void tokensPageInChromiumPassesAxeAndShowsTheNewTokenOnce() throws Exception {
        WebDriver browser = HeadlessChromium.start();
        try {
            browser.get(server.url("/oauth/account/tokens").toString());
            BrowserSteps.waitFor(browser, b -> b.getCurrentUrl().contains("/oauth/login"));
            BrowserSteps.signIn(browser, "j_username", "j_password", "sign-in", "bob", "bob-password");
            BrowserSteps.waitFor(browser, b -> BrowserSteps.has(b, "create-token"));
            browser.findElement(By.id("name")).sendKeys("screenshot job");
            browser.findElement(By.id("scope-pets-read")).click();
            HeadlessChromium.screenshot(browser, "account-tokens");
            AxeCheck.assertNoSeriousViolation(browser);

            browser.findElement(By.id("create")).click();
            BrowserSteps.waitFor(browser, b -> BrowserSteps.has(b, "new-token"));
            String token = browser.findElement(By.id("new-token")).getText();
            assertThat(token).startsWith("eyJ");
            HeadlessChromium.screenshot(browser, "account-token-created");
            AxeCheck.assertNoSeriousViolation(browser);

            browser.get(server.url("/oauth/account/tokens").toString());
            BrowserSteps.waitFor(browser, b -> BrowserSteps.has(b, "tokens"));
            assertThat(browser.getPageSource()).contains("screenshot job").doesNotContain(token);
        } finally {
            browser.quit();
        }
    }

    private static Map<String, String> createForm(UserSession user) throws Exception {
        String page = user.get("/oauth/account/tokens").body();
        return UserSession.hiddenFields(page.substring(page.indexOf("id=\"create-token\"")));
    }

    private static void assertProblem(HttpResponse<String> response, String words) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"problem\"").contains(words).doesNotContain("new-token");
    }

    private static void assertForged(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains("was not sent from this server");
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from) + from.length();
        return text.substring(start, text.indexOf(to, start));
    }

    private record CurlAnswer(int status, String body) {}

    /** {@code curl} calls who_am_i in the modern era, trusting the server's certificate only; the token in a header file. */
    private CurlAnswer curlToolCall(String token) throws IOException, InterruptedException {
        Https.trustingServer(server); // writes it.server.certificate.pem
        java.nio.file.Path headers = java.nio.file.Files.createTempFile("pat-headers", ".txt");
        try {
            java.nio.file.Files.writeString(
                    headers, "Authorization: Bearer " + token + "\n", StandardCharsets.US_ASCII);
            String body = McpHttp.request(
                    "tools/call", "{" + McpHttp.MODERN_META + ",\"name\":\"who_am_i\",\"arguments\":{}}");
            Process curl = new ProcessBuilder(
                            "curl",
                            "-sS",
                            "--cacert",
                            System.getProperty("it.server.certificate.pem"),
                            "-o",
                            "-",
                            "-w",
                            "\n%{http_code}",
                            "-X",
                            "POST",
                            "-H",
                            "@" + headers,
                            "-H",
                            "Content-Type: application/json",
                            "-H",
                            "Accept: application/json, text/event-stream",
                            "-H",
                            "MCP-Protocol-Version: " + McpHttp.MODERN,
                            "-H",
                            "Mcp-Method: tools/call",
                            "-H",
                            "Mcp-Name: who_am_i",
                            "--data-binary",
                            body,
                            server.url("/mcp").toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
            int split = output.lastIndexOf('\n');
            return new CurlAnswer(Integer.parseInt(output.substring(split + 1).strip()), output.substring(0, split));
        } finally {
            java.nio.file.Files.deleteIfExists(headers);
        }
    }
}
