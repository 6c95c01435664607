package it.dev.portcullis.conformance;

import static it.dev.portcullis.conformance.RuleHttp.LEGACY;
import static it.dev.portcullis.conformance.RuleHttp.MODERN;
import static it.dev.portcullis.conformance.RuleHttp.request;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.conformance.RuleHttp.Reply;
import it.dev.portcullis.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sections 3A, 3B and the JSON-RPC rules of 3.20–3.21 of mcp-requirements.md: the legacy lifecycle (initialize,
 * capabilities, ping) and the modern one (_meta, server/discover, resultType), over HTTPS against the conformance
 * server, every message validated against the era's schema.
 */
@ExtendWith(ServerUnderTest.class)
class LifecycleRulesIT {

    @Test
    void rule_3_1_requestsBeforeInitializeGet400() throws Exception {
        Reply reply = RuleHttp.bare(LEGACY).with("MCP-Protocol-Version", LEGACY).call("tools/list", "{}");

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void rule_3_1_initializeEchoesASupportedVersionAndAnswersOthersWithItsLatest() throws Exception {
        RuleHttp bare = RuleHttp.bare(LEGACY);
        JsonObject older = bare.post(initialize("2025-06-18")).result("InitializeResult");
        JsonObject unknown = bare.post(initialize("1999-01-01")).result("InitializeResult");

        assertThat(older.getString("protocolVersion")).isEqualTo("2025-06-18");
        assertThat(unknown.getString("protocolVersion")).isEqualTo(LEGACY);
        assertThat(older.getJsonObject("serverInfo").keySet()).contains("name", "version");
    }

    @Test
    void rule_3_2_capabilitiesAdvertiseOnlyWhatIsDeliveredAndTheFeaturesServed() throws Exception {
        JsonObject capabilities = RuleHttp.bare(LEGACY)
                .post(initialize(LEGACY))
                .result("InitializeResult")
                .getJsonObject("capabilities");

        assertThat(capabilities.keySet()).contains("tools", "resources", "prompts", "logging", "completions");
        assertThat(capabilities.getJsonObject("resources").getBoolean("subscribe"))
                .isTrue();
        // listChanged is delivered on the GET stream: LegacyTransportRulesIT.rule_2_8 and McpFeatureRulesIT.rule_3_8
        assertThat(capabilities.getJsonObject("tools").getBoolean("listChanged"))
                .isTrue();
    }

    @Test
    void rule_3_2_noSamplingRequestToAClientThatDidNotDeclareSampling() throws Exception {
        Reply reply = RuleHttp.legacy(LEGACY, "{}")
                .call("tools/call", "{\"name\":\"test_sampling\"," + "\"arguments\":{\"prompt\":\"hi\"}}");

        assertThat(reply.messages()).noneMatch(m -> "sampling/createMessage".equals(m.getString("method", "")));
        assertThat(reply.result("CallToolResult").getBoolean("isError")).isTrue();
    }

    @Test
    void rule_3_3_pingAnswersEmptyResult() throws Exception {
        JsonObject result = RuleHttp.legacy().call("ping", "{}").result("EmptyResult");

        assertThat(result).isEmpty();
    }

    @Test
    void rule_3_3_modernHasNoPing() throws Exception {
        assertThat(RuleHttp.modern().call("ping", "{}").errorCode()).isEqualTo(-32601);
    }

    @Test
    void rule_3_4_modernResultsCarryServerInfoAndNeedNoEarlierRequest() throws Exception {
        Reply reply = RuleHttp.modern().call("tools/call", "{\"name\":\"test_simple_text\",\"arguments\":{}}");

        JsonObject result = reply.result("CallToolResult");
        assertThat(result.getJsonObject("_meta")
                        .getJsonObject("io.modelcontextprotocol/serverInfo")
                        .getString("name"))
                .isNotBlank();
    }

    @Test
    void rule_3_5_serverDiscoverListsVersionsCapabilitiesAndCaching() throws Exception {
        JsonObject result = RuleHttp.modern().call("server/discover", "{}").result("DiscoverResult");

        assertThat(result.getJsonArray("supportedVersions").toString()).contains(MODERN);
        assertThat(result.getJsonObject("capabilities").keySet()).contains("tools", "resources", "prompts");
        assertThat(result.keySet()).contains("ttlMs", "cacheScope", "resultType");
    }

    @Test
    void rule_3_6_everyModernResultHasResultType() throws Exception {
        RuleHttp mcp = RuleHttp.modern();
        List<JsonObject> results = List.of(
                mcp.call("server/discover", "{}").result("DiscoverResult"),
                mcp.call("tools/list", "{}").result("ListToolsResult"),
                mcp.call("tools/call", "{\"name\":\"test_simple_text\",\"arguments\":{}}")
                        .result("CallToolResult"),
                mcp.call("resources/list", "{}").result("ListResourcesResult"),
                mcp.call("resources/read", "{\"uri\":\"test://static-text\"}").result("ReadResourceResult"),
                mcp.call("prompts/list", "{}").result("ListPromptsResult"),
                mcp.call("prompts/get", "{\"name\":\"test_simple_prompt\"}").result("GetPromptResult"));

        assertThat(results)
                .allSatisfy(r -> assertThat(r.getString("resultType")).isEqualTo("complete"));
    }

    @Test
    void rule_3_20_errorCodesHaveTheirMeaning() throws Exception {
        RuleHttp session = RuleHttp.legacy();
        assertThat(session.post("{oops").errorCode()).isEqualTo(-32700);
        assertThat(session.post("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}")
                        .errorCode())
                .isEqualTo(-32600);
        assertThat(session.call("no/such/method", "{}").errorCode()).isEqualTo(-32601);
        assertThat(session.call("tools/call", "{\"name\":\"no_such_tool\",\"arguments\":{}}")
                        .errorCode())
                .isEqualTo(-32602);
    }

    @Test
    void rule_3_21_nullOrObjectRequestIdIsInvalidRequest() throws Exception {
        RuleHttp session = RuleHttp.legacy();

        assertThat(session.post("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}")
                        .errorCode())
                .isEqualTo(-32600);
        assertThat(session.post("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}")
                        .errorCode())
                .isEqualTo(-32600);
        assertThat(session.post("{\"jsonrpc\":\"2.0\",\"id\":\"s-1\",\"method\":\"ping\"}")
                        .body()
                        .getString("id"))
                .isEqualTo("s-1");
        RuleHttp modern = RuleHttp.modern();
        String body = modern.prepare("tools/list", "{}", "").replaceFirst("\"id\":\\d+", "\"id\":null");
        assertThat(modern.post(body).errorCode()).as("modern, id null").isEqualTo(-32600);
    }

    @Test
    void rule_3_21_notificationsGetNoResponse() throws Exception {
        Reply reply = RuleHttp.legacy()
                .post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
                        + "\"params\":{\"requestId\":\"never-sent\"}}");

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.messages()).isEmpty();
    }

    private static String initialize(String version) {
        return request(
                "initialize",
                "{\"protocolVersion\":\"" + version + "\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"rules-it\",\"version\":\"1\"}}");
    }
}
