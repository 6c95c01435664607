package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.LibertyServer;
import it.dev.portcullis.support.McpHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two-command demo shows outbound credentials (src/docs/outbound.md, mode 1): with the demo realm, the demo tools
 * {@code downstream_whoami} and {@code downstream_service_whoami} call the demo downstream API deployed alongside
 * ({@code /demo-downstream/whoami}) with the demo profile's static API key in the configured header
 * {@code X-Demo-Api-Key}, and the downstream never receives the MCP caller's token. The downstream itself accepts
 * only that key: not the MCP token, not another key.
 */
class DemoDownstreamIT {

    private static final LibertyServer SERVER = LibertyServer.current();
    /** The demo profile's public key (liberty-config/includes/realm-basic.xml). */
    private static final String DEMO_KEY = "portcullis-demo-api-key";

    private static String aliceToken;

    @BeforeAll
    static void alice() throws Exception {
        aliceToken = new CodeFlowTokens(new TokenApi(SERVER))
                .tokens(CodeFlowTokens.publicClient())
                .getString("access_token");
    }

    @Test
    void bothDemoToolsReachTheDemoDownstreamWithTheStaticKeyInItsHeaderAndNeverTheCallersToken() throws Exception {
        for (String tool : new String[] {"downstream_whoami", "downstream_service_whoami"}) {
            JsonObject result = call(tool);

            assertThat(result.getBoolean("isError", false))
                    .as(tool + ": " + result)
                    .isFalse();
            String text = result.getJsonArray("content").getJsonObject(0).getString("text");
            JsonObject seen = Json.createReader(new StringReader(text)).readObject();
            assertThat(seen.getString("credential")).isEqualTo("static API key in X-Demo-Api-Key");
            assertThat(seen.getString("subject")).isEqualTo("portcullis-demo");
            assertThat(seen.getString("authorization_header"))
                    .as("the MCP caller's token is not passed through")
                    .isEqualTo("absent");
            assertThat(text).doesNotContain(aliceToken).doesNotContain(DEMO_KEY);
        }
    }

    @Test
    void theDemoDownstreamAcceptsOnlyItsKeyNotTheMcpToken() throws Exception {
        assertThat(whoami("Authorization", "Bearer " + aliceToken).statusCode())
                .as("the MCP token")
                .isEqualTo(401);
        assertThat(whoami("X-Demo-Api-Key", DEMO_KEY + "x").statusCode())
                .as("another key")
                .isEqualTo(401);
        HttpResponse<String> keyed = whoami("X-Demo-Api-Key", DEMO_KEY);
        assertThat(keyed.statusCode()).as(keyed.body()).isEqualTo(200);
        assertThat(keyed.body()).contains("\"authorization_header\":\"absent\"");
    }

    private static HttpResponse<String> whoami(String header, String value) throws Exception {
        return Https.client()
                .send(
                        HttpRequest.newBuilder(SERVER.url("/demo-downstream/whoami"))
                                .header(header, value)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject call(String tool) throws Exception {
        McpHttp mcp = McpHttp.to(SERVER.url("/mcp")).header("Authorization", "Bearer " + aliceToken);
        McpHttp.Answer initialized = mcp.post(
                McpHttp.request(
                        "initialize",
                        "{\"protocolVersion\":\"" + McpHttp.LEGACY
                                + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"demo-downstream-it\",\"version\":\"1\"}}"));
        assertThat(initialized.status()).as(initialized.response().body()).isEqualTo(200);
        String session =
                initialized.response().headers().firstValue("Mcp-Session-Id").orElseThrow();
        McpHttp.Answer answer = mcp.header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", McpHttp.LEGACY)
                .post(McpHttp.request("tools/call", "{\"name\":\"" + tool + "\",\"arguments\":{}}"));
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(200);
        return answer.result();
    }
}
