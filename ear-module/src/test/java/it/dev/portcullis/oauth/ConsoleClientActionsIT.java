package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.LibertyServer;
import it.dev.portcullis.support.McpHttp;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console's client actions (src/docs/console.md) against the shared server. Rotating a confidential client's
 * secret shows the new one on that answer only (no-store, never on a later page or in the audit trail), the old secret
 * stops working at once and the new one works. Deleting a client ends its refresh tokens, access tokens and
 * registration. A forged form, or a user outside the operator group, changes nothing.
 */
class ConsoleClientActionsIT {

    private static final String INITIALIZE = McpHttp.request(
            "initialize",
            "{\"protocolVersion\":\"2025-11-25\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}");

    private final LibertyServer server = LibertyServer.current();
    private final TokenApi api = new TokenApi(server);
    private final CodeFlowTokens flow = new CodeFlowTokens(api);

    @Test
    void clientPageShowsRegisteredMetadataAndTokensIssuedButNoSecret() throws Exception {
        JsonObject registered = AuthorizeFixtures.register(
                "client_secret_basic", RegistrationApi.uniqueName("Console facts IT"), null, CodeFlowTokens.REDIRECT);
        String client = registered.getString("client_id");
        flow.confidentialTokens(client, registered.getString("client_secret"));
        AuditTrailIT.awaitRecords(
                "type=token.issued&client_id=" + URLEncoder.encode(client, StandardCharsets.UTF_8), "token.issued");

        String page = UserSession.loggedIn("auditor", "auditor-password")
                .get("/oauth/console/client?id=" + URLEncoder.encode(client, StandardCharsets.UTF_8))
                .body();

        assertThat(page)
                .contains("<dd id=\"redirect-uris\"><ul><li><code>" + CodeFlowTokens.REDIRECT + "</code></li></ul>")
                .containsPattern("<dd id=\"grant-types\">[^<]*authorization_code")
                .containsPattern("<dd id=\"tokens-issued\">1 ");
        assertThat(page).doesNotContain(registered.getString("client_secret"));
    }

    @Test
    void rotateSecretWhenOperatorSubmitsThenNewSecretShownOnceOldRefusedNewAccepted() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        JsonObject registered = AuthorizeFixtures.register(
                "client_secret_basic", RegistrationApi.uniqueName("Console secret IT"), null, CodeFlowTokens.REDIRECT);
        String client = registered.getString("client_id");
        String oldSecret = registered.getString("client_secret");
        JsonObject tokens = flow.confidentialTokens(client, oldSecret);
        UserSession operator = UserSession.loggedIn("auditor", "auditor-password");
        Map<String, String> form = formOf(operator, client, "/console/rotate-secret");

        assertForged(operator.postForm("/oauth/console/rotate-secret", form, "Origin", "https://attacker.example"));
        assertForged(
                operator.postForm("/oauth/console/rotate-secret", AuthorizeFixtures.with(form, "client_id", "other")));
        assertThat(UserSession.loggedIn("alice", "alice-password")
                        .postForm("/oauth/console/rotate-secret", form)
                        .statusCode())
                .isEqualTo(403);
        assertThat(flow.refreshConfidential(client, oldSecret, tokens.getString("refresh_token"))
                        .statusCode())
                .as("the old secret after the refused forms")
                .isEqualTo(200);

        HttpResponse<String> rotated = operator.postForm("/oauth/console/rotate-secret", form);
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        assertThat(rotated.headers().firstValue("Cache-Control")).hasValue("no-store");
        String newSecret = between(rotated.body(), "<code id=\"new-secret\">", "</code>");
        assertThat(newSecret).hasSizeGreaterThanOrEqualTo(40).isNotEqualTo(oldSecret);

        HttpResponse<String> withOld = flow.refreshConfidential(client, oldSecret, tokens.getString("refresh_token"));
        assertThat(withOld.statusCode()).as(withOld.body()).isEqualTo(401);
        assertThat(withOld.body()).contains("invalid_client");
        JsonObject renewed = flow.confidentialTokens(client, newSecret);
        assertThat(renewed.getString("access_token")).isNotBlank();
        assertThat(operator.get("/oauth/console/client?id=" + client).body()).doesNotContain(newSecret, oldSecret);
        List<JsonObject> records = AuditTrailIT.awaitRecords(
                "type=client.updated&client_id=" + client + "&from=" + start, "client.updated");
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.getString("subject")).isEqualTo("auditor");
            assertThat(r.toString()).doesNotContain(newSecret, oldSecret);
        });
    }

    @Test
    void deleteWhenOperatorSubmitsThenTokensAndRegistrationEnd() throws Exception {
        JsonObject registered = AuthorizeFixtures.register(
                "client_secret_basic", RegistrationApi.uniqueName("Console delete IT"), null, CodeFlowTokens.REDIRECT);
        String client = registered.getString("client_id");
        String secret = registered.getString("client_secret");
        JsonObject tokens = flow.confidentialTokens(client, secret);
        assertThat(mcpStatus(tokens.getString("access_token"))).isEqualTo(200);
        UserSession operator = UserSession.loggedIn("auditor", "auditor-password");
        Map<String, String> form = formOf(operator, client, "/console/delete-client");

        assertForged(
                operator.postForm("/oauth/console/delete-client", AuthorizeFixtures.with(form, "csrf_token", null)));
        assertThat(UserSession.loggedIn("alice", "alice-password")
                        .postForm("/oauth/console/delete-client", form)
                        .statusCode())
                .isEqualTo(403);
        assertThat(mcpStatus(tokens.getString("access_token")))
                .as("after the refused forms")
                .isEqualTo(200);

        HttpResponse<String> deleted = operator.postForm("/oauth/console/delete-client", form);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(303);

        assertThat(operator.get("/oauth/console/client?id=" + client).body()).contains("unknown-client");
        assertThat(mcpStatus(tokens.getString("access_token")))
                .as("its access token")
                .isEqualTo(401);
        HttpResponse<String> refresh = flow.refreshConfidential(client, secret, tokens.getString("refresh_token"));
        assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(401);
        HttpResponse<String> read =
                new RegistrationApi(server).read(client, registered.getString("registration_access_token"));
        assertThat(read.statusCode()).as("RFC 7592 read after the delete").isEqualTo(401);
    }

    private static Map<String, String> formOf(UserSession operator, String client, String action) throws Exception {
        String page = operator.get("/oauth/console/client?id=" + client).body();
        return UserSession.hiddenFields(page.substring(page.indexOf(action)));
    }

    private static void assertForged(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains("was not sent from this server");
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from) + from.length();
        return text.substring(start, text.indexOf(to, start));
    }

    private int mcpStatus(String accessToken) throws Exception {
        return McpHttp.to(server.url("/mcp"))
                .header("Authorization", "Bearer " + accessToken)
                .post(INITIALIZE)
                .status();
    }
}
