package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.idp.BrowserSteps;
import it.dev.portcullis.support.LibertyServer;
import it.dev.portcullis.support.McpHttp;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The console's audit views (src/docs/console.md) against the shared server. After a client's code flow and a tool
 * call, its flow timeline shows that attempt's events in order under one flow. Tool activity counts the call for its
 * tool. The audit log filters by client, and its export link gives the same records as JSON Lines to the signed-in
 * operator. A user outside the operator group gets 403, and hostile filter values come back escaped.
 */
class ConsoleAuditViewsIT {

    private final LibertyServer server = LibertyServer.current();
    private final CodeFlowTokens flow = new CodeFlowTokens(new TokenApi(server));

    @Test
    void timelineWhenClientWentThroughAFlowThenItsEventsInOrderUnderOneFlow() throws Exception {
        String client = CodeFlowTokens.publicClient();
        JsonObject tokens = flow.tokens(client);
        callWhoAmI(tokens.getString("access_token"));
        AuditTrailIT.awaitRecords("type=mcp.tools.call&client_id=" + enc(client), "mcp.tools.call");
        UserSession operator = UserSession.loggedIn("auditor", "auditor-password");

        HttpResponse<String> page = operator.get("/oauth/console/audit/timeline?client=" + enc(client));

        assertThat(page.statusCode()).isEqualTo(200);
        String flowTable = page.body().substring(page.body().indexOf("<table class=\"consents flow\""));
        flowTable = flowTable.substring(0, flowTable.indexOf("</table>"));
        assertThat(events(flowTable))
                .as("the attempt's events, oldest first")
                .containsSubsequence("authorization.started", "code.issued", "token.issued", "mcp.tools.call who_am_i");
        assertThat(page.body()).doesNotContain(tokens.getString("access_token"), tokens.getString("refresh_token"));
        assertThat(operator.get("/oauth/console/client?id=" + enc(client)).body())
                .contains("/console/audit/timeline?client=");
    }

    @Test
    void activityWhenToolWasCalledThenCountedAndTheLogFiltersAndExports() throws Exception {
        String client = CodeFlowTokens.publicClient();
        callWhoAmI(flow.tokens(client).getString("access_token"));
        AuditTrailIT.awaitRecords("type=mcp.tools.call&client_id=" + enc(client), "mcp.tools.call");
        UserSession operator = UserSession.loggedIn("auditor", "auditor-password");

        String page = operator.get("/oauth/console/audit/activity").body();
        assertThat(page).containsPattern("<tr class=\"tool\"><td><code>who_am_i</code></td><td class=\"calls\">[1-9]");
        String series = page.substring(page.indexOf("id=\"tool-series\""));
        String newest = series.substring(series.lastIndexOf("<tr><th scope=\"row\">"), series.indexOf("</table>"));
        assertThat(newest)
                .as("the call is in the newest interval of the series, with its latency")
                .containsPattern("<td data-tool=\"who_am_i\">[1-9][0-9]*</td>")
                .containsPattern("<td>[0-9.]+ ms</td><td>[0-9.]+ ms</td></tr>");

        String filtered = operator.get("/oauth/console/audit/activity?client=" + enc(client))
                .body();
        String log = filtered.substring(filtered.indexOf("id=\"audit-log\""));
        assertThat(log).contains(client).contains("mcp.tools.call");
        Matcher export = Pattern.compile("id=\"export\" href=\"([^\"]+)\"").matcher(filtered);
        assertThat(export.find()).isTrue();
        String href = export.group(1).replace("&amp;", "&");
        assertThat(href).contains("client_id=" + enc(client));
        HttpResponse<String> lines = operator.get(href);
        assertThat(lines.statusCode()).as(lines.body()).isEqualTo(200);
        assertThat(lines.body().lines().toList())
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains(client));
    }

    @Test
    void viewsWhenNoOperatorOrHostileFiltersThenRefusedOrEscaped() throws Exception {
        UserSession alice = UserSession.loggedIn("alice", "alice-password");
        assertThat(alice.get("/oauth/console/audit/activity").statusCode()).isEqualTo(403);
        assertThat(alice.get("/oauth/console/audit/timeline?client=x").statusCode())
                .isEqualTo(403);
        assertThat(UserSession.anonymous().get("/oauth/console/audit/activity").statusCode())
                .isEqualTo(302);

        UserSession operator = UserSession.loggedIn("auditor", "auditor-password");
        String script = "<script>alert(1)</script>";
        HttpResponse<String> hostile = operator.get(
                "/oauth/console/audit/activity?subject=" + enc(script) + "&from=yesterday&client=" + "x".repeat(5000));
        assertThat(hostile.statusCode()).isEqualTo(200);
        assertThat(hostile.body()).doesNotContain(script).contains("&lt;script&gt;");
        HttpResponse<String> timeline = operator.get("/oauth/console/audit/timeline?client=" + enc(script));
        assertThat(timeline.statusCode()).isEqualTo(200);
        assertThat(timeline.body()).doesNotContain(script).contains("no-flows");
    }

    @Test
    void viewsInChromiumPassAxe() throws Exception {
        String client = CodeFlowTokens.publicClient();
        JsonObject tokens = flow.tokens(client);
        callWhoAmI(tokens.getString("access_token"));
        AuditTrailIT.awaitRecords("type=mcp.tools.call&client_id=" + enc(client), "mcp.tools.call");
        WebDriver browser = HeadlessChromium.start();
        try {
            browser.get(server.url("/oauth/console/audit/timeline?client=" + enc(client))
                    .toString());
            BrowserSteps.waitFor(browser, b -> b.getCurrentUrl().contains("/oauth/login"));
            BrowserSteps.signIn(browser, "j_username", "j_password", "sign-in", "auditor", "auditor-password");
            BrowserSteps.waitFor(
                    browser, b -> !b.findElements(By.cssSelector("table.flow")).isEmpty());
            assertThat(browser.getPageSource())
                    .contains("code.issued")
                    .doesNotContain(tokens.getString("access_token"), tokens.getString("refresh_token"));
            HeadlessChromium.screenshot(browser, "console-timeline");
            AxeCheck.assertNoSeriousViolation(browser);

            browser.get(server.url("/oauth/console/audit/activity").toString());
            BrowserSteps.waitFor(browser, b -> BrowserSteps.has(b, "audit-log"));
            assertThat(browser.findElements(By.cssSelector("tr.tool"))).isNotEmpty();
            HeadlessChromium.screenshot(browser, "console-activity");
            AxeCheck.assertNoSeriousViolation(browser);
        } finally {
            browser.quit();
        }
    }

    private void callWhoAmI(String accessToken) throws Exception {
        McpHttp mcp = McpHttp.to(server.url("/mcp")).header("Authorization", "Bearer " + accessToken);
        McpHttp.Answer call = mcp.modern("tools/call", "who_am_i", "{\"name\":\"who_am_i\",\"arguments\":{}}");
        assertThat(call.status()).as(call.response().body()).isEqualTo(200);
    }

    private static List<String> events(String table) {
        Matcher matcher = Pattern.compile("<td class=\"event\">([^<]+)</td>").matcher(table);
        List<String> events = new java.util.ArrayList<>();
        while (matcher.find()) {
            events.add(matcher.group(1));
        }
        return events;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
