package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.e2e.MetadataDocumentServer;
import it.dev.portcullis.support.AppServer;
import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.McpHttp;
import it.dev.portcullis.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Disabling a CIMD client from the operator console (src/docs/console.md), against the e2e server, the one that may
 * fetch metadata documents from this suite's document server. The client's client_id is its document's https URL,
 * longer than 64 characters; alice's code flow gets it tokens, the operator disables it with the console's form, and
 * its still-unexpired access token then gets 401 at /mcp and its refresh invalid_grant. ConsoleClientStatusIT (in
 * ear-module) does the same for registered and machine clients.
 */
@ExtendWith(ServerUnderTest.class)
class ConsoleCimdClientIT {

    private static final String INITIALIZE = McpHttp.request(
            "initialize",
            "{\"protocolVersion\":\"2025-11-25\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}");

    private static MetadataDocumentServer documents;

    @BeforeAll
    static void serveDocument() throws Exception {
        // Writes the server certificate where the server reads the documents' trust from
        // (portcullis.oauth.cimd.trusted-certificates), in case this class runs before JourneyIT.
        Https.trustingServer(AppServer.current());
        documents = new MetadataDocumentServer(
                AppServer.current(),
                Integer.getInteger("it.e2e.cimd.port"),
                "portcullis-console-disable-of-a-client-id-metadata-document-client");
    }

    @AfterAll
    static void stopServing() {
        if (documents != null) {
            documents.close();
        }
    }

    @Test
    void disableWhenCimdClientThenItsAccessTokenGets401AndItsRefreshInvalidGrant() throws Exception {
        String client = documents.url().toString();
        assertThat(client).startsWith("https://").hasSizeGreaterThan(64);
        CodeFlowTokens flow = new CodeFlowTokens(new TokenApi(AppServer.current()));
        Instant issued = Instant.now();
        JsonObject tokens = flow.tokens(client);
        Instant expires = issued.plusSeconds(tokens.getInt("expires_in"));
        String access = tokens.getString("access_token");
        assertThat(documents.fetches())
                .as("the server fetched the client's document")
                .isPositive();
        assertThat(mcpStatus(access)).isEqualTo(200);

        UserSession operator = UserSession.loggedIn("auditor", "auditor-password");
        String clientPage = "/oauth/console/client?id=" + URLEncoder.encode(client, StandardCharsets.UTF_8);
        String page = operator.get(clientPage).body();
        assertThat(page).contains("<dd id=\"client-status\">enabled</dd>");
        Map<String, String> form = UserSession.hiddenFields(page.substring(page.indexOf("/console/disable-client")));
        assertThat(form).containsEntry("client_id", client);
        assertThat(mcpStatus(access)).as("just before the disable").isEqualTo(200);
        HttpResponse<String> disabled = operator.postForm("/oauth/console/disable-client", form);
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(303);

        assertThat(operator.get(clientPage).body()).contains("id=\"client-status\">disabled since");
        assertThat(mcpStatus(access)).as("its access token at /mcp").isEqualTo(401);
        assertThat(Instant.now())
                .as("the 401 came before the access token expired, so it is the disable's")
                .isBefore(expires);
        HttpResponse<String> refresh = flow.refresh(client, tokens.getString("refresh_token"));
        assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(400);
        assertThat(refresh.body()).contains("invalid_grant");
    }

    private static int mcpStatus(String accessToken) throws Exception {
        return McpHttp.to(AppServer.current().url("/mcp"))
                .header("Authorization", "Bearer " + accessToken)
                .post(INITIALIZE)
                .status();
    }
}
