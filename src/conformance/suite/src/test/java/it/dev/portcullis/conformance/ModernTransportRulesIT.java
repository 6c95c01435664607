package it.dev.portcullis.conformance;

import static it.dev.portcullis.conformance.RuleHttp.MODERN;
import static it.dev.portcullis.conformance.RuleHttp.request;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.conformance.RuleHttp.Reply;
import it.dev.portcullis.conformance.RuleHttp.Stream;
import it.dev.portcullis.support.ServerUnderTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Section 2 (2A and 2C) of mcp-requirements.md in the modern era (2026-07-28, stateless), over HTTPS against the
 * conformance server. Every message received is validated against the 2026-07-28 schema by {@link RuleHttp}.
 */
@ExtendWith(ServerUnderTest.class)
class ModernTransportRulesIT {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private final RuleHttp mcp = RuleHttp.modern();

    @Test
    void rule_2_1_modernPostOnTheOneEndpoint() throws Exception {
        assertThat(mcp.call("tools/list", "{}").result("ListToolsResult").getJsonArray("tools"))
                .isNotEmpty();
    }

    @Test
    void rule_2_2_modernForeignOriginGets403WithIdlessError() throws Exception {
        Reply reply = mcp.with("Origin", "https://evil.example.com").call("tools/list", "{}");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.id()).isNull();
        assertThat(mcp.with("Origin", "https://127.0.0.1:8443")
                        .call("tools/list", "{}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void rule_2_3_modernAcceptWithoutJsonGets406() throws Exception {
        assertThat(mcp.with("Accept", "text/event-stream")
                        .call("tools/list", "{}")
                        .status())
                .isEqualTo(406);
    }

    @Test
    void rule_2_4_modernBatchGets400InvalidRequest() throws Exception {
        Reply reply = mcp.raw()
                .with("MCP-Protocol-Version", MODERN)
                .with("Mcp-Method", "tools/list")
                .post("[" + mcp.prepare("tools/list", "{}", "") + "]");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(-32600);
    }

    @Test
    void rule_2_5_modernNotificationGets202WithoutBody() throws Exception {
        String notification =
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/roots/list_changed\",\"params\":{\"_meta\":"
                        + "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
        Reply reply = mcp.post(notification);

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.http().body()).isEmpty();
    }

    @Test
    void rule_2_6_modernRequestsAnswerWithJsonOrEventStream() throws Exception {
        Reply plain = mcp.call("tools/call", "{\"name\":\"test_simple_text\",\"arguments\":{}}");
        Reply streamed = mcp.call(
                "tools/call", "{\"name\":\"test_tool_with_progress\",\"arguments\":{}}", "\"progressToken\":\"m1\"");

        assertThat(plain.contentType()).startsWith("application/json");
        plain.result("CallToolResult");
        assertThat(streamed.contentType()).startsWith("text/event-stream");
        streamed.result("CallToolResult");
    }

    @Test
    void rule_2_7_modernSseCarriesRelatedNotificationsThenTheResponse() throws Exception {
        Reply reply = mcp.call(
                "tools/call", "{\"name\":\"test_tool_with_progress\",\"arguments\":{}}", "\"progressToken\":\"m2\"");

        List<JsonObject> messages = reply.messages();
        assertThat(messages).hasSizeGreaterThan(1);
        assertThat(messages.subList(0, messages.size() - 1))
                .allSatisfy(m -> assertThat(m.getString("method")).isEqualTo("notifications/progress"));
        assertThat(messages.get(messages.size() - 1).containsKey("result")).isTrue();
        assertThat(reply.http().headers().firstValue("X-Accel-Buffering")).hasValue("no");
    }

    @Test
    void rule_2_7_modernMalformedJsonGets400ParseError() throws Exception {
        Reply reply = mcp.with("MCP-Protocol-Version", MODERN)
                .with("Mcp-Method", "tools/list")
                .post("{\"jsonrpc\":");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(-32700);
        assertThat(reply.id()).isNull();
    }

    @Test
    void rule_2_16_modernClientResponseGets400() throws Exception {
        Reply reply = mcp.with("MCP-Protocol-Version", MODERN)
                .with("Mcp-Method", "tools/list")
                .post("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}");

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void rule_2_17_modernMissingMcpMethodHeaderGets400Minus32020() throws Exception {
        Reply reply = mcp.raw().with("MCP-Protocol-Version", MODERN).post(mcp.prepare("tools/list", "{}", ""));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(-32020);
    }

    @Test
    void rule_2_17_modernMissingMcpNameOnToolsCallGets400Minus32020() throws Exception {
        Reply reply = mcp.with("MCP-Protocol-Version", MODERN)
                .with("Mcp-Method", "tools/call")
                .post(mcp.prepare("tools/call", "{\"name\":\"test_simple_text\",\"arguments\":{}}", ""));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(-32020);
    }

    @Test
    void rule_2_18_mcpNameMismatchGets32020() throws Exception {
        Reply reply = mcp.with("MCP-Protocol-Version", MODERN)
                .with("Mcp-Method", "tools/call")
                .with("Mcp-Name", "test_error_handling")
                .post(mcp.prepare("tools/call", "{\"name\":\"test_simple_text\",\"arguments\":{}}", ""));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(-32020);
    }

    @Test
    void rule_2_18_base64EncodedMcpNameIsDecodedBeforeComparing() throws Exception {
        Reply reply = mcp.with("MCP-Protocol-Version", MODERN)
                .with("Mcp-Method", "tools/call")
                .with("Mcp-Name", "=?base64?dGVzdF9zaW1wbGVfdGV4dA==?=")
                .post(mcp.prepare("tools/call", "{\"name\":\"test_simple_text\",\"arguments\":{}}", ""));

        assertThat(reply.status()).isEqualTo(200);
        reply.result("CallToolResult");
    }

    @Test
    void rule_2_18_mcpParamHeaderMissingOrDifferentGets32020AndMatchingPasses() throws Exception {
        String body =
                mcp.prepare("tools/call", "{\"name\":\"test_custom_header\",\"arguments\":{\"region\":\"eu\"}}", "");
        RuleHttp headers = mcp.with("MCP-Protocol-Version", MODERN)
                .with("Mcp-Method", "tools/call")
                .with("Mcp-Name", "test_custom_header");

        assertThat(headers.post(body).errorCode()).isEqualTo(-32020);
        assertThat(headers.with("Mcp-Param-Region", "us").post(body).errorCode())
                .isEqualTo(-32020);
        assertThat(headers.with("Mcp-Param-Region", "eu")
                        .post(body)
                        .result("CallToolResult")
                        .toString())
                .contains("Region: eu");
    }

    @Test
    void rule_2_19_modernMissingProtocolVersionHeaderGets400() throws Exception {
        Reply reply = mcp.with("Mcp-Method", "tools/list").post(mcp.prepare("tools/list", "{}", ""));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(-32020);
    }

    @Test
    void rule_2_20_modernUnknownMethodGets404Minus32601() throws Exception {
        Reply reply = mcp.call("no/such/method", "{}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo(-32601);
    }

    @Test
    void rule_2_20_modernRequestWithoutMetaGets400Minus32602() throws Exception {
        Reply reply = mcp.with("MCP-Protocol-Version", MODERN)
                .with("Mcp-Method", "tools/list")
                .post(request("tools/list", "{}"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(-32602);
    }

    @Test
    void rule_2_20_undeclaredClientCapabilityGets400Minus32021WithRequiredCapabilities() throws Exception {
        Reply reply = mcp.call("tools/call", "{\"name\":\"test_input_required_result_elicitation\",\"arguments\":{}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(-32021);
        assertThat(reply.error().getJsonObject("data").getJsonObject("requiredCapabilities"))
                .containsKey("elicitation");
    }

    @Test
    void rule_1_3_unsupportedModernVersionGets400Minus32022WithSupportedVersions() throws Exception {
        String body = mcp.prepare("tools/list", "{}", "").replace("\"2026-07-28\"", "\"2099-01-01\"");
        Reply reply = mcp.with("MCP-Protocol-Version", "2099-01-01")
                .with("Mcp-Method", "tools/list")
                .post(body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(-32022);
        assertThat(reply.error().getJsonObject("data").getJsonArray("supported").toString())
                .contains(MODERN);
    }

    @Test
    void rule_2_21_modernServerNeverSendsRequestsButReturnsInputRequired() throws Exception {
        Reply reply = mcp.call(
                "tools/call",
                "{\"name\":\"test_input_required_result_elicitation\",\"arguments\":{}}",
                "\"progressToken\":\"m3\",\"io.modelcontextprotocol/clientCapabilities\":{\"elicitation\":{}}");

        assertThat(reply.messages()).noneMatch(m -> m.containsKey("method") && m.containsKey("id"));
        assertThat(reply.result("InputRequiredResult").getString("resultType")).isEqualTo("input_required");
    }

    @Test
    void rule_2_22_closingTheSseStreamCancelsTheCall() throws Exception {
        String key = "cancel-" + System.nanoTime();
        try (Stream call = mcp.openPost(mcp.prepare(
                "tools/call",
                "{\"name\":\"rules_wait_for_cancel\"," + "\"arguments\":{\"key\":\"" + key + "\"}}",
                "\"progressToken\":\"m4\""))) {
            assertThat(call.next(WAIT).getString("method")).isEqualTo("notifications/progress");
        }
        String outcome = "running";
        for (int i = 0; i < 50 && outcome.equals("running"); i++) {
            Thread.sleep(100);
            outcome = mcp.call("tools/call", "{\"name\":\"rules_outcome\",\"arguments\":{\"key\":\"" + key + "\"}}")
                    .result("CallToolResult")
                    .getJsonArray("content")
                    .getJsonObject(0)
                    .getString("text");
        }
        assertThat(outcome).isEqualTo("cancelled");
    }

    @Test
    void rule_2_23_modernGetAndDeleteGet405AndSessionIdIsNeitherMintedNorEchoed() throws Exception {
        RuleHttp withVersion = mcp.with("MCP-Protocol-Version", MODERN);
        assertThat(withVersion.send("GET").statusCode()).isEqualTo(405);
        assertThat(withVersion.send("DELETE").statusCode()).isEqualTo(405);

        Reply reply = mcp.with("Mcp-Session-Id", "stale-session")
                .with("Last-Event-ID", "1-1")
                .call("tools/list", "{}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.http().headers().firstValue("Mcp-Session-Id")).isEmpty();
        reply.result("ListToolsResult");
    }

    @Test
    void rule_2_24_listenAcknowledgesFirstThenSendsOnlyRequestedTypesWithSubscriptionId() throws Exception {
        String listen = mcp.prepare(
                "subscriptions/listen",
                "{\"notifications\":{\"toolsListChanged\":true,"
                        + "\"resourceSubscriptions\":[\"test://watched-resource\"]}}",
                "");
        JsonValue listenId = RuleHttp.parse(listen).get("id");
        try (Stream stream = mcp.openPost(listen)) {
            assertThat(stream.contentType()).startsWith("text/event-stream");
            JsonObject ack = stream.next(WAIT);
            assertThat(ack.getString("method")).isEqualTo("notifications/subscriptions/acknowledged");
            RuleHttp.assertValid(MODERN, "SubscriptionsAcknowledgedNotification", ack);
            assertThat(ack.getJsonObject("params")
                            .getJsonObject("notifications")
                            .getBoolean("toolsListChanged"))
                    .isTrue();

            trigger("rules_list_changed", "list", "prompts");
            trigger("rules_touch_resource", "uri", "test://static-text");
            trigger("rules_list_changed", "list", "tools");
            trigger("rules_touch_resource", "uri", "test://watched-resource");

            List<JsonObject> received = stream.drain(Duration.ofSeconds(2));
            assertThat(received)
                    .extracting(m -> m.getString("method"))
                    .containsExactly("notifications/tools/list_changed", "notifications/resources/updated");
            assertThat(received.get(1).getJsonObject("params").getString("uri")).isEqualTo("test://watched-resource");
            List.of(ack, received.get(0), received.get(1))
                    .forEach(m -> assertThat(m.getJsonObject("params")
                                    .getJsonObject("_meta")
                                    .get("io.modelcontextprotocol/subscriptionId"))
                            .isEqualTo(listenId));
        }
    }

    @Test
    void rule_2_24_listenWithoutFilterGets400Minus32602() throws Exception {
        Reply reply = mcp.call("subscriptions/listen", "{}");

        assertThat(reply.errorCode()).isEqualTo(-32602);
    }

    private void trigger(String tool, String argument, String value) throws Exception {
        mcp.call("tools/call", "{\"name\":\"" + tool + "\",\"arguments\":{\"" + argument + "\":\"" + value + "\"}}")
                .result("CallToolResult");
    }
}
