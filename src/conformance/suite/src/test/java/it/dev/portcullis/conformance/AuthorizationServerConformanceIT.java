package it.dev.portcullis.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.idp.BrowserSteps;
import it.dev.portcullis.oauth.HeadlessChromium;
import it.dev.portcullis.support.AppServer;
import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.ServerUnderTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The official conformance suite's {@code authorization} command (0.2.0-alpha.12) against the built-in
 * authorization server, with a pre-registered public client. Its one human step, signing in and approving, is
 * played by a real headless Chromium on the realm's FORM login page and the consent page. Every check must pass.
 */
@ExtendWith(ServerUnderTest.class)
class AuthorizationServerConformanceIT {

    private static final ConformanceSuite SUITE = ConformanceSuite.fromSystemProperties();
    private static final AppServer SERVER = AppServer.current();
    private static final int CALLBACK_PORT = Integer.getInteger("it.conformance.callback.port", 9396);

    @Test
    void authorizationSuiteAllScenariosPass() throws Exception {
        SUITE.install();
        JsonObject metadata = json(get("/.well-known/oauth-authorization-server"));
        String issuer = metadata.getString("issuer");
        String resource = issuer + "/mcp";
        String clientId = registerPublicClient("http://127.0.0.1:" + CALLBACK_PORT + "/callback");

        Map<String, List<JsonObject>> results = SUITE.authorization(
                "0.2.0-alpha.12-authorization",
                issuer,
                clientId,
                resource,
                CALLBACK_PORT,
                Path.of(System.getProperty("it.server.certificate.pem")),
                AuthorizationServerConformanceIT::signInAndApprove);

        assertThat(results)
                .as("scenarios run; see target/conformance/0.2.0-alpha.12-authorization.log")
                .hasSizeGreaterThanOrEqualTo(2);
        results.forEach((scenario, checks) -> assertThat(checks)
                .as(scenario + " in target/conformance/0.2.0-alpha.12-authorization")
                .noneMatch(check -> "FAILURE".equals(check.getString("status", ""))));
    }

    /** alice signs in through the realm and approves; the browser then lands on the suite's loopback callback. */
    private static void signInAndApprove(String authorizationUrl) {
        WebDriver browser = HeadlessChromium.start();
        try {
            browser.get(authorizationUrl);
            BrowserSteps.waitFor(browser, b -> BrowserSteps.has(b, "j_username"));
            BrowserSteps.signIn(browser, "j_username", "j_password", "sign-in", "alice", "alice-password");
            BrowserSteps.waitFor(browser, b -> BrowserSteps.has(b, "approve"));
            HeadlessChromium.screenshot(browser, "conformance-authorization-consent");
            browser.findElement(By.id("approve")).click();
            BrowserSteps.waitFor(
                    browser, b -> b.getCurrentUrl().startsWith("http://127.0.0.1:" + CALLBACK_PORT + "/callback"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            browser.quit();
        }
    }

    private static String registerPublicClient(String redirectUri) throws Exception {
        HttpResponse<String> response = Https.client()
                .send(
                        HttpRequest.newBuilder(SERVER.url("/oauth/register"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"client_name\":\"MCP conformance suite\","
                                        + "\"token_endpoint_auth_method\":\"none\",\"grant_types\":[\"authorization_code\","
                                        + "\"refresh_token\"],\"redirect_uris\":[\"" + redirectUri + "\"]}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).getString("client_id");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return Https.client()
                .send(HttpRequest.newBuilder(SERVER.url(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
