package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.idp.BrowserSteps;
import it.dev.portcullis.support.LibertyServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Provisioning a machine client in the console (src/docs/console.md) against the shared server. The operator fills
 * the form in a real headless Chromium (both pages pass axe-core; screenshots in target/screenshots/), the answer
 * shows the secret once, and the client gets client_credentials tokens with exactly its allowlisted scopes and is
 * refused any other. The secret is on no later page, in no audit record and in no server log. An empty, 5 000
 * character or control-character name, an unknown scope, no scope, a missing form token, another origin and a
 * non-operator are refused, and nothing is stored.
 */
class ConsoleMachineClientIT {

    /** A client the console provisioned: its id and the secret its creation page showed. */
    record Provisioned(String clientId, String secret) {}

    private final LibertyServer server = LibertyServer.current();
    private final TokenApi api = new TokenApi(server);

    @Test
    void provisionWhenOperatorFillsFormInChromiumThenSecretShownOnceAndTokenHasExactlyTheAllowlist() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        String name = RegistrationApi.uniqueName("Nightly report");
        WebDriver browser = HeadlessChromium.start();
        Provisioned machine;
        try {
            browser.get(server.url("/oauth/console").toString());
            BrowserSteps.waitFor(browser, b -> b.getCurrentUrl().contains("/oauth/login"));
            BrowserSteps.signIn(browser, "j_username", "j_password", "sign-in", "auditor", "auditor-password");
            BrowserSteps.waitFor(browser, b -> BrowserSteps.has(b, "provision-machine-client"));
            browser.findElement(By.id("provision-machine-client")).click();
            BrowserSteps.waitFor(browser, b -> BrowserSteps.has(b, "provision"));
            HeadlessChromium.screenshot(browser, "console-machine-client");
            AxeCheck.assertNoSeriousViolation(browser);

            browser.findElement(By.id("name")).sendKeys(name);
            browser.findElement(By.id("scope-pets-read")).click();
            browser.findElement(By.id("provision-submit")).click();
            BrowserSteps.waitFor(browser, b -> BrowserSteps.has(b, "new-secret") || BrowserSteps.has(b, "refusal"));
            assertThat(browser.findElement(By.id("client-scopes")).getText()).isEqualTo("pets:read");
            machine = new Provisioned(
                    browser.findElement(By.id("client-id")).getText(),
                    browser.findElement(By.id("new-secret")).getText());
            assertThat(machine.secret()).hasSizeGreaterThanOrEqualTo(40);
            HeadlessChromium.screenshot(browser, "console-machine-client-created");
            AxeCheck.assertNoSeriousViolation(browser);

            browser.findElement(By.id("client-page")).click();
            BrowserSteps.waitFor(browser, b -> BrowserSteps.has(b, "client-status"));
            assertThat(browser.getPageSource()).contains(name).doesNotContain(machine.secret());
            HeadlessChromium.screenshot(browser, "console-machine-client-page");
        } finally {
            browser.quit();
        }

        HttpResponse<String> all = ConsoleClientStatusIT.clientCredentials(machine, null);
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        JsonObject token = RegistrationApi.json(all);
        assertThat(token.getString("scope")).isEqualTo("pets:read");
        assertThat(api.verify(token.getString("access_token")).getStringClaim("scope"))
                .isEqualTo("pets:read");
        HttpResponse<String> read = ConsoleClientStatusIT.clientCredentials(machine, "pets:read");
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        for (String outside : List.of("pets:write", "pets:read pets:write")) {
            HttpResponse<String> refused = ConsoleClientStatusIT.clientCredentials(machine, outside);
            assertThat(refused.statusCode()).as(outside + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("invalid_scope");
        }

        List<JsonObject> records = AuditTrailIT.awaitRecords(
                "type=client.registered&client_id=" + machine.clientId() + "&from=" + start, "client.registered");
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getString("subject")).isEqualTo("auditor");
            assertThat(r.toString()).contains("pets:read").doesNotContain(machine.secret());
        });
        Thread.sleep(2_000); // Liberty writes its logs asynchronously
        assertThat(logsContaining(machine.secret()))
                .as("server logs holding the secret")
                .isEmpty();
    }

    @Test
    void provisionWhenInputHostileOrFormForgedThenRefusedAndNothingStored() throws Exception {
        UserSession operator = UserSession.loggedIn("auditor", "auditor-password");
        Map<String, String> form = formOf(operator);
        String marker = RegistrationApi.uniqueName("Hostile");
        Map<String, String> valid = AuthorizeFixtures.with(form, "name", marker, "scope", "pets:read");

        assertProblem(operator.postForm("/oauth/console/machine-clients", AuthorizeFixtures.with(valid, "name", "")));
        assertProblem(operator.postForm(
                "/oauth/console/machine-clients", AuthorizeFixtures.with(valid, "name", marker + "x".repeat(5000))));
        assertProblem(operator.postForm(
                "/oauth/console/machine-clients", AuthorizeFixtures.with(valid, "name", marker + "\u0007")));
        assertProblem(operator.postForm(
                "/oauth/console/machine-clients", AuthorizeFixtures.with(valid, "scope", "root:everything")));
        assertProblem(
                operator.postForm("/oauth/console/machine-clients", AuthorizeFixtures.with(valid, "scope", null)));
        assertProblem(operator.postForm(
                "/oauth/console/machine-clients", AuthorizeFixtures.with(valid, "auth_method", "none")));
        assertForged(
                operator.postForm("/oauth/console/machine-clients", AuthorizeFixtures.with(valid, "csrf_token", null)));
        assertForged(operator.postForm("/oauth/console/machine-clients", valid, "Origin", "https://attacker.example"));
        assertForged(operator.postForm("/oauth/console/machine-clients", valid, "Sec-Fetch-Site", "cross-site"));
        UserSession alice = UserSession.loggedIn("alice", "alice-password");
        HttpResponse<String> notOperator = alice.postForm("/oauth/console/machine-clients", valid);
        assertThat(notOperator.statusCode()).as(notOperator.body()).isEqualTo(403);
        assertThat(notOperator.body()).doesNotContain("new-secret");
        assertThat(alice.get("/oauth/console/machine-clients").statusCode()).isEqualTo(403);

        assertThat(operator.get("/oauth/console?q=" + java.net.URLEncoder.encode(marker, StandardCharsets.UTF_8))
                        .body())
                .as("no client was stored by the refused forms")
                .contains("id=\"no-clients\"");
        HttpResponse<String> genuine = operator.postForm("/oauth/console/machine-clients", valid);
        assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(200);
        assertThat(genuine.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(operator.get("/oauth/console?q=" + java.net.URLEncoder.encode(marker, StandardCharsets.UTF_8))
                        .body())
                .as("the genuine form, to show the search would have found one")
                .contains(marker);
    }

    /** Provisions a machine client allowed this one scope through the console form, as the operator. */
    static Provisioned provision(UserSession operator, String scope) throws Exception {
        Map<String, String> form = AuthorizeFixtures.with(
                formOf(operator), "name", RegistrationApi.uniqueName("Console machine IT"), "scope", scope);
        HttpResponse<String> created = operator.postForm("/oauth/console/machine-clients", form);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return new Provisioned(
                between(created.body(), "<code id=\"client-id\">", "</code>"),
                between(created.body(), "<code id=\"new-secret\">", "</code>"));
    }

    private static Map<String, String> formOf(UserSession operator) throws Exception {
        String page = operator.get("/oauth/console/machine-clients").body();
        assertThat(page).contains("id=\"provision\"");
        return UserSession.hiddenFields(page.substring(page.indexOf("id=\"provision\"")));
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("id=\"problem\"").doesNotContain("new-secret");
    }

    private static void assertForged(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains("was not sent from this server").doesNotContain("new-secret");
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from) + from.length();
        return text.substring(start, text.indexOf(to, start));
    }

    private List<Path> logsContaining(String secret) throws IOException {
        try (Stream<Path> files = Files.walk(server.directory().resolve("logs"))) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        try {
                            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(secret);
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .toList();
        }
    }
}
