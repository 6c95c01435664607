package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.LibertyServer;
import it.dev.portcullis.support.MachineClientsFixture;
import it.dev.portcullis.support.McpHttp;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Disabling and enabling a client in the console (src/docs/console.md) against the shared server. A disabled client's
 * access token gets 401 at /mcp, its refresh and a code grant get invalid_grant, the authorization endpoint refuses it
 * on an error page without redirecting, and a machine client's client_credentials request gets unauthorized_client.
 * Enabled again, a new code flow works while what the disable revoked stays revoked. A forged form, a form from
 * another origin or a non-operator changes nothing. Each change is an audit record.
 */
class ConsoleClientStatusIT {

    private static final String INITIALIZE = McpHttp.request(
            "initialize",
            "{\"protocolVersion\":\"2025-11-25\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}");

    private final LibertyServer server = LibertyServer.current();
    private final TokenApi api = new TokenApi(server);
    private final CodeFlowTokens flow = new CodeFlowTokens(api);

    @Test
    void disableWhenOperatorSubmitsThenTokensRefreshAuthorizeRefusedAndEnableRestoresNewFlows() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        JsonObject registered = AuthorizeFixtures.register(
                "client_secret_basic", RegistrationApi.uniqueName("Console disable IT"), null, CodeFlowTokens.REDIRECT);
        String client = registered.getString("client_id");
        String secret = registered.getString("client_secret");
        JsonObject tokens = flow.confidentialTokens(client, secret);
        String code = CodeFlowTokens.code(client); // issued before the disable, redeemed after it
        UserSession operator = UserSession.loggedIn("auditor", "auditor-password");
        assertThat(operator.get("/oauth/console/client?id=" + client).body())
                .contains("<dd id=\"client-status\">enabled</dd>");
        Map<String, String> form = formOf(operator, client, "/console/disable-client");

        assertForged(operator.postForm("/oauth/console/disable-client", form, "Origin", "https://attacker.example"));
        assertForged(operator.postForm("/oauth/console/disable-client", form, "Sec-Fetch-Site", "cross-site"));
        assertForged(
                operator.postForm("/oauth/console/disable-client", AuthorizeFixtures.with(form, "csrf_token", null)));
        assertForged(
                operator.postForm("/oauth/console/disable-client", AuthorizeFixtures.with(form, "client_id", "other")));
        assertThat(UserSession.loggedIn("alice", "alice-password")
                        .postForm("/oauth/console/disable-client", form)
                        .statusCode())
                .isEqualTo(403);
        assertThat(mcpStatus(tokens.getString("access_token")))
                .as("after the refused forms")
                .isEqualTo(200);
        assertThat(operator.get("/oauth/console/client?id=" + client).body())
                .contains("<dd id=\"client-status\">enabled</dd>");

        HttpResponse<String> disabled = operator.postForm("/oauth/console/disable-client", form);
        Instant disabledAt = Instant.now();
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(303);

        String page = operator.get("/oauth/console/client?id=" + client).body();
        assertThat(page).contains("id=\"client-status\">disabled since").contains("id=\"enable-client\"");
        assertThat(operator.get("/oauth/console?q=" + client).body()).contains("<td class=\"client-status\">disabled");
        assertThat(mcpStatus(tokens.getString("access_token")))
                .as("its access token at /mcp")
                .isEqualTo(401);
        HttpResponse<String> refresh = flow.refreshConfidential(client, secret, tokens.getString("refresh_token"));
        assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(400);
        assertThat(refresh.body()).contains("invalid_grant");
        HttpResponse<String> redeem = flow.redeemConfidential(client, secret, code);
        assertThat(redeem.statusCode()).as(redeem.body()).isEqualTo(400);
        assertThat(redeem.body()).contains("invalid_grant");
        HttpResponse<String> authorize = UserSession.loggedIn("alice", "alice-password")
                .authorize(AuthorizeFixtures.request(client, CodeFlowTokens.REDIRECT));
        assertThat(authorize.statusCode()).as("an error page, not a redirect").isEqualTo(400);
        assertThat(authorize.headers().firstValue("Location")).isEmpty();
        assertThat(authorize.body()).contains("disabled");
        HttpResponse<String> read =
                new RegistrationApi(server).read(client, registered.getString("registration_access_token"));
        assertThat(read.statusCode()).as("RFC 7592 read of a disabled client").isEqualTo(200);

        Map<String, String> enableForm =
                UserSession.hiddenFields(page.substring(page.indexOf("/console/enable-client")));
        assertForged(operator.postForm(
                "/oauth/console/enable-client",
                AuthorizeFixtures.with(enableForm, "csrf_token", form.get("csrf_token"))));
        HttpResponse<String> enabled = operator.postForm("/oauth/console/enable-client", enableForm);
        assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(303);

        assertThat(operator.get("/oauth/console/client?id=" + client).body())
                .contains("<dd id=\"client-status\">enabled</dd>");
        // A token issued in the disable's own second counts as issued before it (console.md): start in the next one.
        while (!Instant.now().isAfter(disabledAt.plusSeconds(1))) {
            Thread.sleep(100);
        }
        JsonObject renewed = flow.confidentialTokens(client, secret);
        assertThat(mcpStatus(renewed.getString("access_token")))
                .as("a token of a new flow after the enable")
                .isEqualTo(200);
        assertThat(mcpStatus(tokens.getString("access_token")))
                .as("the token the disable revoked stays revoked")
                .isEqualTo(401);
        assertThat(flow.refreshConfidential(client, secret, tokens.getString("refresh_token"))
                        .statusCode())
                .as("the refresh token the disable revoked")
                .isEqualTo(400);

        List<JsonObject> records =
                AuditTrailIT.awaitRecords("client_id=" + client + "&from=" + start, "client.enabled");
        assertThat(records)
                .filteredOn(r -> r.getString("type").startsWith("client.")
                        && r.getString("type").endsWith("abled"))
                .extracting(r -> r.getString("type") + " " + r.getString("subject"))
                .containsExactlyInAnyOrder("client.disabled auditor", "client.enabled auditor");
        assertThat(records.toString()).doesNotContain(secret);
    }

    @Test
    void disableWhenMachineClientThenClientCredentialsUnauthorizedAndItsTokenRefused() throws Exception {
        UserSession operator = UserSession.loggedIn("auditor", "auditor-password");
        ConsoleMachineClientIT.Provisioned machine = ConsoleMachineClientIT.provision(operator, "pets:read");
        HttpResponse<String> before = clientCredentials(machine, null);
        assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
        String access = RegistrationApi.json(before).getString("access_token");
        assertThat(mcpStatus(access)).isEqualTo(200);

        HttpResponse<String> disabled = operator.postForm(
                "/oauth/console/disable-client", formOf(operator, machine.clientId(), "/console/disable-client"));
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(303);

        HttpResponse<String> after = clientCredentials(machine, null);
        assertThat(after.statusCode()).as(after.body()).isEqualTo(400);
        assertThat(after.body()).contains("unauthorized_client");
        assertThat(mcpStatus(access)).as("its token issued before the disable").isEqualTo(401);
        HttpResponse<String> wrongSecret = api.token(
                TokenApi.form("grant_type", "client_credentials"), machine.clientId(), machine.secret() + "x");
        assertThat(wrongSecret.statusCode())
                .as("a wrong secret is still invalid_client: the disable tells nothing to who lacks the secret")
                .isEqualTo(401);
    }

    @Test
    void clientPageWhenMachineClientFromConfigurationThenShownWithItsDisableButton() throws Exception {
        String page = UserSession.loggedIn("auditor", "auditor-password")
                .get("/oauth/console/client?id=" + MachineClientsFixture.SERVICE.clientId())
                .body();
        assertThat(page)
                .doesNotContain("unknown-client")
                .contains("in the server's configuration")
                .contains("<dd id=\"client-status\">enabled</dd>")
                .contains("id=\"disable-client\"")
                .doesNotContain(MachineClientsFixture.SERVICE.secret());
    }

    static HttpResponse<String> clientCredentials(ConsoleMachineClientIT.Provisioned machine, String scope)
            throws Exception {
        Map<String, String> form = TokenApi.form("grant_type", "client_credentials");
        if (scope != null) {
            form.put("scope", scope);
        }
        return new TokenApi(LibertyServer.current()).token(form, machine.clientId(), machine.secret());
    }

    private static Map<String, String> formOf(UserSession operator, String client, String action) throws Exception {
        String page = operator.get("/oauth/console/client?id=" + client).body();
        return UserSession.hiddenFields(page.substring(page.indexOf(action)));
    }

    private static void assertForged(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains("was not sent from this server");
    }

    private int mcpStatus(String accessToken) throws Exception {
        return McpHttp.to(server.url("/mcp"))
                .header("Authorization", "Bearer " + accessToken)
                .post(INITIALIZE)
                .status();
    }
}
