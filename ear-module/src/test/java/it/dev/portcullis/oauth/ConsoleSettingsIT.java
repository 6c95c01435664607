package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.idp.BrowserSteps;
import it.dev.portcullis.support.LibertyServer;
import it.dev.portcullis.support.McpHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The console's settings view (src/docs/console.md#settings) against the shared server: an operator sees the
 * effective settings with their sources and no credential (the machine clients' secret hashes, the demo downstream
 * key), the issuer mode and the signing keys; rotating the key from the page makes a new key active, keeps the old
 * one published, leaves tokens of the old key valid, makes new tokens verify at /mcp, and is audited; the same form
 * sent again, a form from another origin, and a user outside the operator group rotate nothing.
 */
class ConsoleSettingsIT {

    private static final String INITIALIZE = McpHttp.request(
            "initialize",
            "{\"protocolVersion\":\"2025-11-25\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}");

    private final LibertyServer server = LibertyServer.current();
    private final CodeFlowTokens flow = new CodeFlowTokens(new TokenApi(server));

    @Test
    void settingsWhenOperatorLooksThenSettingsWithSourcesAndNoCredential() throws Exception {
        HttpResponse<String> page =
                UserSession.loggedIn("auditor", "auditor-password").get("/oauth/console/settings");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "portcullis.mcp.resource",
                        server.url("/mcp").toString(),
                        "portcullis.oauth.machine-client.it-service.secret-hash",
                        "portcullis.demo-downstream.key",
                        "built-in authorization server");
        assertThat(page.body())
                .as("no stored secret hash, no key, in the page")
                .doesNotContain("pbkdf2-sha256$", "portcullis-demo-api-key");
        assertThat(page.body()).contains(activeKid());
    }

    @Test
    void settingsWhenUserIsNoOperatorThen403() throws Exception {
        assertThat(UserSession.loggedIn("alice", "alice-password")
                        .get("/oauth/console/settings")
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> anonymous = UserSession.anonymous().get("/oauth/console/settings");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).contains("/oauth/login");
    }

    @Test
    void rotateWhenOperatorSubmitsThenNewKeyActiveOldPublishedBothTokensWorkAndAudited() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        String client = CodeFlowTokens.publicClient();
        JsonObject before = flow.tokens(client);
        String oldKid = activeKid();
        UserSession operator = UserSession.loggedIn("auditor", "auditor-password");
        Map<String, String> form = rotationForm(operator);
        assertThat(form).containsEntry("kid", oldKid).containsKey("csrf_token");

        assertRefused(
                operator.postForm("/oauth/console/settings/rotate-key", form, "Origin", "https://attacker.example"));
        assertRefused(operator.postForm(
                "/oauth/console/settings/rotate-key", AuthorizeFixtures.with(form, "csrf_token", null)));
        assertThat(UserSession.loggedIn("alice", "alice-password")
                        .postForm("/oauth/console/settings/rotate-key", form, sameOrigin())
                        .statusCode())
                .isEqualTo(403);
        assertThat(activeKid()).as("after the refused forms").isEqualTo(oldKid);

        HttpResponse<String> rotated = operator.postForm("/oauth/console/settings/rotate-key", form, sameOrigin());
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(303);
        assertThat(rotated.headers().firstValue("Location").orElseThrow())
                .isEqualTo(server.url("/oauth/console/settings").toString());
        List<String> kids = kids();
        assertThat(kids.get(0)).as("a new active key").isNotEqualTo(oldKid);
        assertThat(kids).as("the old key stays published").contains(oldKid);

        assertRefused(operator.postForm("/oauth/console/settings/rotate-key", form, sameOrigin()));
        assertThat(activeKid()).as("the same form again rotates nothing").isEqualTo(kids.get(0));

        assertThat(mcpStatus(before.getString("access_token")))
                .as("a token of the old key")
                .isEqualTo(200);
        JsonObject after = flow.tokens(CodeFlowTokens.publicClient());
        assertThat(kidOf(after.getString("access_token"))).isEqualTo(kids.get(0));
        assertThat(mcpStatus(after.getString("access_token")))
                .as("a token of the new key")
                .isEqualTo(200);

        List<JsonObject> records =
                AuditTrailIT.awaitRecords("type=signing-key.rotated&from=" + start, "signing-key.rotated");
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getString("subject")).isEqualTo("auditor");
            assertThat(r.getString("target")).isEqualTo(kids.get(0));
            assertThat(r.getJsonObject("details").getString("retired")).isEqualTo(oldKid);
        });
    }

    @Test
    void settingsPageInChromiumPassesAxe() throws Exception {
        WebDriver browser = HeadlessChromium.start();
        try {
            browser.get(server.url("/oauth/console/settings").toString());
            BrowserSteps.waitFor(browser, b -> b.getCurrentUrl().contains("/oauth/login"));
            BrowserSteps.signIn(browser, "j_username", "j_password", "sign-in", "auditor", "auditor-password");
            BrowserSteps.waitFor(browser, b -> BrowserSteps.has(b, "signing-keys"));
            assertThat(browser.findElements(By.cssSelector("#settings tr"))).hasSizeGreaterThan(10);
            HeadlessChromium.screenshot(browser, "console-settings");
            AxeCheck.assertNoSeriousViolation(browser);
        } finally {
            browser.quit();
        }
    }

    private Map<String, String> rotationForm(UserSession operator) throws Exception {
        String page = operator.get("/oauth/console/settings").body();
        return UserSession.hiddenFields(page.substring(page.indexOf("/console/settings/rotate-key")));
    }

    private String[] sameOrigin() {
        return new String[] {"Origin", server.url("/").toString().replaceAll("/$", ""), "Sec-Fetch-Site", "same-origin"
        };
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains("was not sent from this server");
    }

    private String activeKid() throws Exception {
        return kids().get(0);
    }

    private List<String> kids() throws Exception {
        String jwks = UserSession.anonymous().get("/oauth/jwks").body();
        return Json.createReader(new StringReader(jwks))
                .readObject()
                .getJsonArray("keys")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(key -> key.getString("kid"))
                .toList();
    }

    private static String kidOf(String jwt) {
        String header = new String(
                java.util.Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))),
                java.nio.charset.StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(header)).readObject().getString("kid");
    }

    private int mcpStatus(String accessToken) throws Exception {
        return McpHttp.to(server.url("/mcp"))
                .header("Authorization", "Bearer " + accessToken)
                .post(INITIALIZE)
                .status();
    }
}
