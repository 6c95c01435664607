package it.dev.portcullis.mcp;

import static it.dev.portcullis.support.McpHttp.LEGACY;
import static it.dev.portcullis.support.McpHttp.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.mcp.testing.McpSchemas;
import it.dev.portcullis.support.LibertyServer;
import it.dev.portcullis.support.McpHttp;
import it.dev.portcullis.support.McpHttp.Answer;
import it.dev.portcullis.support.ServiceToken;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code /mcp} on the product server over HTTPS, in both eras: the transport rules of mcp-requirements.md section 2
 * and the demo pet tools. Every JSON-RPC result is validated against the official schema of the era in use.
 */
class McpEndpointIT {

    private static final String INITIALIZE = request(
            "initialize",
            "{\"protocolVersion\":\"2025-11-25\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}");

    private final LibertyServer server = LibertyServer.current();

    private McpHttp mcp() throws Exception {
        return McpHttp.to(server.url("/mcp"))
                .header("Authorization", "Bearer " + ServiceToken.of(server, "pets:read pets:write"));
    }

    private String initialize() throws Exception {
        Answer answer = mcp().post(INITIALIZE);
        assertThat(answer.status()).isEqualTo(200);
        assertValid(LEGACY, "InitializeResult", answer.result());
        return answer.response().headers().firstValue("Mcp-Session-Id").orElseThrow();
    }

    private McpHttp session(String id) throws Exception {
        return mcp().header("Mcp-Session-Id", id).header("MCP-Protocol-Version", LEGACY);
    }

    @Test
    void rule2_12_initializeThenSessionIdIsVisibleAsciiAndRequiredAfterwards() throws Exception {
        String session = initialize();

        assertThat(session).matches("[\\x21-\\x7E]{32,}");
        assertThat(mcp().header("MCP-Protocol-Version", LEGACY)
                        .post(request("ping", "{}"))
                        .status())
                .isEqualTo(400);
        assertThat(session(session).post(request("ping", "{}")).result()).isEmpty();
    }

    /**
     * One subject holds at most portcullis.mcp.max-sessions-per-subject (default 32) legacy sessions: its next
     * initialize ends its least recently used one, so a client that loops on initialize cannot fill the server.
     */
    @Test
    void initializeWhenSubjectOpensMoreSessionsThanItsCapThenItsOldestSessionEnds() throws Exception {
        McpHttp fresh = McpHttp.to(server.url("/mcp"))
                .header("Authorization", "Bearer " + ServiceToken.issue(server, "pets:read"));
        String first = null;
        for (int i = 0; i <= 32; i++) {
            Answer answer = fresh.post(INITIALIZE);
            assertThat(answer.status()).isEqualTo(200);
            if (first == null) {
                first = answer.response().headers().firstValue("Mcp-Session-Id").orElseThrow();
            }
        }

        Answer oldest = fresh.header("Mcp-Session-Id", first)
                .header("MCP-Protocol-Version", LEGACY)
                .post(request("ping", "{}"));

        assertThat(oldest.status())
                .as("the subject's 1st session after its 33rd initialize")
                .isEqualTo(404);
    }

    @Test
    void rule2_12_deleteThenSessionGone404() throws Exception {
        String session = initialize();

        assertThat(session(session).send("DELETE").statusCode()).isEqualTo(204);
        assertThat(session(session).post(request("ping", "{}")).status()).isEqualTo(404);
    }

    @Test
    void rule2_5_notificationThen202WithoutBody() throws Exception {
        Answer answer = session(initialize()).post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.response().body()).isEmpty();
    }

    @Test
    void rule2_2_foreignOriginThen403AndLoopbackOriginAllowed() throws Exception {
        assertThat(mcp().header("Origin", "https://evil.example.com")
                        .post(INITIALIZE)
                        .status())
                .isEqualTo(403);
        assertThat(mcp().header("Origin", "https://localhost:1234")
                        .post(INITIALIZE)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void rule2_3_acceptWithoutEventStreamThen406() throws Exception {
        assertThat(mcp().header("Accept", "application/json").post(INITIALIZE).status())
                .isEqualTo(406);
    }

    @Test
    void rule2_7_malformedJsonThen400ParseErrorAndBatchThen400InvalidRequest() throws Exception {
        Answer malformed = mcp().post("{not json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo(-32700);

        Answer batch = mcp().post("[" + INITIALIZE + "]");
        assertThat(batch.status()).isEqualTo(400);
        assertThat(batch.errorCode()).isEqualTo(-32600);
    }

    @Test
    void transportWhenBodyTooLargeThen413() throws Exception {
        String big = request("initialize", "{\"padding\":\"" + "x".repeat(1_100_000) + "\"}");

        assertThat(mcp().post(big).status()).isEqualTo(413);
    }

    @Test
    void rule2_8_getOnAnEndedSessionThen404() throws Exception {
        McpHttp session = session(initialize());
        assertThat(session.send("DELETE").statusCode()).isEqualTo(204);

        HttpResponse<String> response =
                session.header("Accept", "text/event-stream").send("GET");

        assertThat(response.statusCode()).isEqualTo(404); // live sessions get the stream: LegacyTransportRulesIT
    }

    /**
     * The legacy GET stream stays open: every servlet filter in the chain must support asynchronous processing, or
     * the container refuses async mode (Liberty: SRVE8503E), the stream ends at once and clients reconnect in a loop.
     */
    @Test
    void rule2_8_getOnALiveSessionThenAnEventStreamThatStaysOpen() throws Exception {
        McpHttp session = session(initialize());
        HttpResponse<InputStream> stream =
                session.header("Accept", "text/event-stream").openStream();
        try (InputStream body = stream.body()) {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            CompletableFuture<Integer> firstByte = CompletableFuture.supplyAsync(() -> {
                try {
                    return body.read();
                } catch (IOException e) {
                    return -2;
                }
            });
            // Either nothing arrives (the stream waits for events) or an event starts; it must not end.
            Integer read = firstByte.completeOnTimeout(0, 2, TimeUnit.SECONDS).join();
            assertThat(read).as("the GET stream ended or failed at once").isNotIn(-1, -2);
        }
        assertThat(Files.readString(server.directory().resolve("logs/messages.log")))
                .as("a filter without async support")
                .doesNotContain("SRVE8503E");
    }

    @Test
    void rule3_11_demoToolsListedAndCallableInLegacySession() throws Exception {
        McpHttp session = session(initialize());
        JsonObject list = session.post(request("tools/list", "{}")).result();
        assertValid(LEGACY, "ListToolsResult", list);
        assertThat(list.getJsonArray("tools").getValuesAs(JsonObject.class))
                .extracting(t -> t.getString("name"))
                .contains("add_pet", "get_pet", "list_pets", "sell_pet");

        JsonObject added = session.post(request(
                        "tools/call", "{\"name\":\"add_pet\",\"arguments\":{\"name\":\"Mia\",\"species\":\"cat\"}}"))
                .result();
        assertValid(LEGACY, "CallToolResult", added);
        assertThat(added.getJsonObject("structuredContent").getString("name")).isEqualTo("Mia");

        JsonObject missing = session.post(request("tools/call", "{\"name\":\"get_pet\",\"arguments\":{\"id\":999999}}"))
                .result();
        assertThat(missing.getBoolean("isError")).isTrue();
        assertThat(missing.toString()).contains("There is no pet with id 999999");
    }

    @Test
    void rule3_5_modernDiscoverAndToolsCallWithoutSession() throws Exception {
        Answer discover = mcp().modern("server/discover", null, "{}");
        assertThat(discover.status()).isEqualTo(200);
        assertThat(discover.response().headers().firstValue("Mcp-Session-Id")).isEmpty();
        assertValid(McpHttp.MODERN, "DiscoverResult", discover.result());

        Answer call = mcp().modern("tools/call", "list_pets", "{\"name\":\"list_pets\",\"arguments\":{}}");
        assertThat(call.status()).isEqualTo(200);
        assertValid(McpHttp.MODERN, "CallToolResult", call.result());
        assertThat(call.result().getString("resultType")).isEqualTo("complete");
    }

    @Test
    void rule2_18_modernNameHeaderMismatchThen400HeaderMismatch() throws Exception {
        Answer answer = mcp().modern("tools/call", "get_pet", "{\"name\":\"list_pets\",\"arguments\":{}}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo(-32020);
    }

    @Test
    void rule2_23_modernGetAndDeleteWithoutSessionThen405() throws Exception {
        assertThat(mcp().header("MCP-Protocol-Version", McpHttp.MODERN)
                        .send("GET")
                        .statusCode())
                .isEqualTo(405);
        assertThat(mcp().header("MCP-Protocol-Version", McpHttp.MODERN)
                        .send("DELETE")
                        .statusCode())
                .isEqualTo(405);
    }

    private static void assertValid(String revision, String definition, JsonObject value) {
        assertThat(McpSchemas.errors(revision, definition, value))
                .as(definition + " " + value)
                .isEmpty();
    }
}
