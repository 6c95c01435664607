package it.dev.portcullis.conformance;

import static it.dev.portcullis.conformance.RuleHttp.MODERN;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.conformance.RuleHttp.Reply;
import it.dev.portcullis.conformance.RuleHttp.Stream;
import it.dev.portcullis.support.ServerUnderTest;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sections 3C–3F of mcp-requirements.md (tools, resources, prompts, completion, logging, progress, cancellation) in
 * both eras, over HTTPS against the conformance EAR, whose fixture jar provides the features. Every message received
 * is validated against the official schema of the era in use.
 */
@ExtendWith(ServerUnderTest.class)
class McpFeatureRulesIT {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Pattern TOOL_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    @Test
    void rule_3_8_legacyToolsListChangedArrivesOnTheGetStream() throws Exception {
        RuleHttp session = RuleHttp.legacy();
        try (Stream get = session.with("Accept", "text/event-stream").openGet()) {
            session.call("tools/call", "{\"name\":\"rules_list_changed\",\"arguments\":{\"list\":\"tools\"}}");

            JsonObject notification = get.next(WAIT);
            assertThat(notification).isNotNull();
            RuleHttp.assertValid(RuleHttp.LEGACY, "ToolListChangedNotification", notification);
        }
    }

    @Test
    void rule_3_9_legacyToolsListPagesWithOpaqueCursorsAndRejectsABadCursor() throws Exception {
        RuleHttp session = RuleHttp.legacy();
        List<String> names = allToolNames(session, "ListToolsResult");

        assertThat(names).doesNotHaveDuplicates().contains("test_simple_text");
        assertThat(session.call("tools/list", "{\"cursor\":\"not-a-cursor\"}").errorCode())
                .isEqualTo(-32602);
    }

    @Test
    void rule_3_9_modernToolsListIsDeterministicAndCacheable() throws Exception {
        RuleHttp mcp = RuleHttp.modern();
        JsonObject first = mcp.call("tools/list", "{}").result("ListToolsResult");
        JsonObject second = mcp.call("tools/list", "{}").result("ListToolsResult");

        assertThat(first.getJsonArray("tools")).isEqualTo(second.getJsonArray("tools"));
        assertThat(first.getJsonNumber("ttlMs").longValue()).isGreaterThanOrEqualTo(0);
        assertThat(first.getString("cacheScope")).isIn("public", "private");
        assertThat(mcp.call("tools/list", "{\"cursor\":\"not-a-cursor\"}").errorCode())
                .isEqualTo(-32602);
    }

    @Test
    void rule_3_10_toolsHaveValidNamesAndObjectInputSchemasInBothEras() throws Exception {
        for (RuleHttp client : List.of(RuleHttp.legacy(), RuleHttp.modern())) {
            for (JsonValue tool :
                    client.call("tools/list", "{}").result("ListToolsResult").getJsonArray("tools")) {
                JsonObject object = tool.asJsonObject();
                assertThat(object.getString("name")).matches(TOOL_NAME);
                assertThat(object.getJsonObject("inputSchema").getString("type"))
                        .isEqualTo("object");
            }
        }
    }

    @Test
    void rule_3_11_structuredContentConformsToOutputSchemaWithTextCopy() throws Exception {
        for (RuleHttp client : List.of(RuleHttp.legacy(), RuleHttp.modern())) {
            JsonObject tool = client
                    .call("tools/list", "{}")
                    .result("ListToolsResult")
                    .getJsonArray("tools")
                    .getValuesAs(JsonObject.class)
                    .stream()
                    .filter(t -> t.getString("name").equals("rules_point"))
                    .findFirst()
                    .orElseThrow();
            JsonObject result = client.call("tools/call", "{\"name\":\"rules_point\",\"arguments\":{\"x\":3,\"y\":4}}")
                    .result("CallToolResult");

            assertThat(tool.getJsonObject("outputSchema").getString("type")).isEqualTo("object");
            assertThat(result.getJsonObject("structuredContent").getInt("x")).isEqualTo(3);
            assertThat(result.getJsonArray("content").getJsonObject(0).getString("text"))
                    .contains("\"y\":4");
        }
    }

    @Test
    void rule_3_12_unknownToolIsMinus32602AndToolFailuresAreIsErrorResults() throws Exception {
        for (RuleHttp client : List.of(RuleHttp.legacy(), RuleHttp.modern())) {
            assertThat(client.call("tools/call", "{\"name\":\"no_such_tool\",\"arguments\":{}}")
                            .errorCode())
                    .isEqualTo(-32602);
            assertThat(client.call("tools/call", "{\"name\":\"test_error_handling\",\"arguments\":{}}")
                            .result("CallToolResult")
                            .getBoolean("isError"))
                    .isTrue();
            assertThat(client.call("tools/call", "{\"name\":\"rules_point\",\"arguments\":{\"x\":\"three\",\"y\":4}}")
                            .result("CallToolResult")
                            .getBoolean("isError"))
                    .as("input validation failure")
                    .isTrue();
        }
    }

    @Test
    void rule_3_13_legacyResourcesListReadTemplateAndMissingIsMinus32002() throws Exception {
        RuleHttp session = RuleHttp.legacy();
        session.call("resources/list", "{}").result("ListResourcesResult");
        session.call("resources/templates/list", "{}").result("ListResourceTemplatesResult");
        JsonObject read = session.call("resources/read", "{\"uri\":\"test://template/42/data\"}")
                .result("ReadResourceResult");

        assertThat(read.toString()).contains("Data for ID: 42");
        assertThat(session.call("resources/read", "{\"uri\":\"test://nothing\"}")
                        .errorCode())
                .isEqualTo(-32002);
    }

    @Test
    void rule_3_13_legacySubscribeDeliversResourceUpdatedOnTheGetStreamUntilUnsubscribed() throws Exception {
        RuleHttp session = RuleHttp.legacy();
        try (Stream get = session.with("Accept", "text/event-stream").openGet()) {
            assertThat(session.call("resources/subscribe", "{\"uri\":\"test://watched-resource\"}")
                            .result("EmptyResult"))
                    .isEmpty();
            touch(session, "test://static-text");
            touch(session, "test://watched-resource");

            List<JsonObject> updates = get.drain(Duration.ofSeconds(2));
            assertThat(updates).hasSize(1);
            RuleHttp.assertValid(RuleHttp.LEGACY, "ResourceUpdatedNotification", updates.get(0));
            assertThat(updates.get(0).getJsonObject("params").getString("uri")).isEqualTo("test://watched-resource");

            assertThat(session.call("resources/unsubscribe", "{\"uri\":\"test://watched-resource\"}")
                            .result("EmptyResult"))
                    .isEmpty();
            touch(session, "test://watched-resource");
            assertThat(get.drain(Duration.ofSeconds(1))).isEmpty();
        }
    }

    @Test
    void rule_3_13_modernResourcesListReadAndTemplates() throws Exception {
        RuleHttp mcp = RuleHttp.modern();
        mcp.call("resources/list", "{}").result("ListResourcesResult");
        mcp.call("resources/templates/list", "{}").result("ListResourceTemplatesResult");

        assertThat(mcp.call("resources/read", "{\"uri\":\"test://static-text\"}")
                        .result("ReadResourceResult")
                        .getJsonArray("contents"))
                .isNotEmpty();
        assertThat(mcp.call("resources/subscribe", "{\"uri\":\"test://static-text\"}")
                        .errorCode())
                .as("subscribe is legacy only")
                .isEqualTo(-32601);
    }

    @Test
    void rule_3_14_modernMissingResourceIsMinus32602() throws Exception {
        assertThat(RuleHttp.modern()
                        .call("resources/read", "{\"uri\":\"test://nothing\"}")
                        .errorCode())
                .isEqualTo(-32602);
    }

    @Test
    void rule_3_15_promptsListGetAndMissingArgumentIsMinus32602InBothEras() throws Exception {
        for (RuleHttp client : List.of(RuleHttp.legacy(), RuleHttp.modern())) {
            client.call("prompts/list", "{}").result("ListPromptsResult");
            client.call(
                            "prompts/get",
                            "{\"name\":\"test_prompt_with_arguments\",\"arguments\":{\"arg1\":\"a\","
                                    + "\"arg2\":\"b\"}}")
                    .result("GetPromptResult");
            assertThat(client.call("prompts/get", "{\"name\":\"test_prompt_with_arguments\"}")
                            .errorCode())
                    .isEqualTo(-32602);
            assertThat(client.call("prompts/get", "{\"name\":\"no_such_prompt\"}")
                            .errorCode())
                    .isEqualTo(-32602);
        }
    }

    @Test
    void rule_3_16_completionReturnsMatchingValuesInBothEras() throws Exception {
        for (RuleHttp client : List.of(RuleHttp.legacy(), RuleHttp.modern())) {
            JsonObject result = client.call(
                            "completion/complete",
                            "{\"ref\":{\"type\":\"ref/prompt\","
                                    + "\"name\":\"test_prompt_with_arguments\"},\"argument\":{\"name\":\"arg1\",\"value\":\"par\"}}")
                    .result("CompleteResult");

            assertThat(result.getJsonObject("completion").getJsonArray("values"))
                    .hasSize(3)
                    .hasSizeLessThanOrEqualTo(100);
        }
    }

    @Test
    void rule_3_17_legacySetLevelFiltersLogMessagesAndRejectsUnknownLevels() throws Exception {
        RuleHttp session = RuleHttp.legacy();
        assertThat(session.call("logging/setLevel", "{\"level\":\"loud\"}").errorCode())
                .isEqualTo(-32602);
        session.call("logging/setLevel", "{\"level\":\"error\"}").result("EmptyResult");

        Reply reply = session.call("tools/call", "{\"name\":\"test_tool_with_logging\",\"arguments\":{}}");

        assertThat(reply.messages()).hasSize(1);
        reply.result("CallToolResult");
    }

    @Test
    void rule_3_17_modernLogsOnlyWhenTheRequestAsksWithLogLevel() throws Exception {
        RuleHttp mcp = RuleHttp.modern();
        Reply silent = mcp.call("tools/call", "{\"name\":\"test_tool_with_logging\",\"arguments\":{}}");
        Reply logged = mcp.call(
                "tools/call",
                "{\"name\":\"test_tool_with_logging\",\"arguments\":{}}",
                "\"io.modelcontextprotocol/logLevel\":\"debug\"");

        assertThat(silent.messages()).hasSize(1);
        List<JsonObject> messages = logged.messages();
        assertThat(messages.subList(0, messages.size() - 1))
                .isNotEmpty()
                .allSatisfy(m -> RuleHttp.assertValid(MODERN, "LoggingMessageNotification", m));
    }

    @Test
    void rule_3_18_progressIncreasesAndStopsWithTheResultInBothEras() throws Exception {
        for (RuleHttp client : List.of(RuleHttp.legacy(), RuleHttp.modern())) {
            Reply reply = client.call(
                    "tools/call",
                    "{\"name\":\"test_tool_with_progress\",\"arguments\":{}}",
                    "\"progressToken\":\"t318\"");

            List<JsonObject> messages = reply.messages();
            assertThat(messages).hasSize(4);
            List<Double> progress = new ArrayList<>();
            messages.subList(0, 3).forEach(m -> {
                assertThat(m.getJsonObject("params").getString("progressToken")).isEqualTo("t318");
                progress.add(m.getJsonObject("params").getJsonNumber("progress").doubleValue());
            });
            assertThat(progress).isSorted().doesNotHaveDuplicates();
            assertThat(messages.get(3).containsKey("result")).isTrue();
        }
    }

    @Test
    void rule_3_19_legacyNotificationsCancelledStopsTheCall() throws Exception {
        RuleHttp session = RuleHttp.legacy();
        String key = "legacy-cancel-" + System.nanoTime();
        String call = session.prepare(
                "tools/call",
                "{\"name\":\"rules_wait_for_cancel\",\"arguments\":{\"key\":\"" + key + "\"}}",
                "\"progressToken\":\"c1\"");
        JsonValue id = RuleHttp.parse(call).get("id");
        try (Stream stream = session.openPost(call)) {
            assertThat(stream.next(WAIT).getString("method")).isEqualTo("notifications/progress");
            assertThat(session.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{"
                                    + "\"requestId\":" + id + ",\"reason\":\"test\"}}")
                            .status())
                    .isEqualTo(202);
            assertThat(stream.awaitEnd(WAIT)).isTrue();
        }
        assertThat(session.call("tools/call", "{\"name\":\"rules_outcome\",\"arguments\":{\"key\":\"" + key + "\"}}")
                        .result("CallToolResult")
                        .getJsonArray("content")
                        .getJsonObject(0)
                        .getString("text"))
                .isEqualTo("cancelled");
    }

    @Test
    void rule_2_21_modernToolAskingClientGetsInputRequiredThenCompletes() throws Exception {
        RuleHttp mcp = RuleHttp.modern();
        String capabilities = "\"io.modelcontextprotocol/clientCapabilities\":{\"elicitation\":{}}";
        Reply round1 = mcp.call(
                "tools/call", "{\"name\":\"test_input_required_result_elicitation\",\"arguments\":{}}", capabilities);
        String state = round1.result("InputRequiredResult").getString("requestState");

        Reply round2 = mcp.call(
                "tools/call",
                "{\"name\":\"test_input_required_result_elicitation\",\"arguments\":{},"
                        + "\"inputResponses\":{\"user_name\":{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}}},"
                        + "\"requestState\":\"" + state + "\"}",
                capabilities);
        assertThat(round2.result("CallToolResult").toString()).contains("Hello, Ada!");

        Reply tampered = mcp.call(
                "tools/call",
                "{\"name\":\"test_input_required_result_elicitation\",\"arguments\":{},"
                        + "\"inputResponses\":{},\"requestState\":\"" + state.substring(1) + "x\"}",
                capabilities);
        assertThat(tampered.errorCode()).isEqualTo(-32602);
    }

    private static List<String> allToolNames(RuleHttp client, String definition) throws Exception {
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = client.call("tools/list", cursor == null ? "{}" : "{\"cursor\":\"" + cursor + "\"}")
                    .result(definition);
            JsonArray tools = page.getJsonArray("tools");
            tools.getValuesAs(JsonObject.class).forEach(t -> names.add(t.getString("name")));
            cursor = page.getString("nextCursor", null);
        } while (cursor != null);
        return names;
    }

    private static void touch(RuleHttp session, String uri) throws Exception {
        session.call("tools/call", "{\"name\":\"rules_touch_resource\",\"arguments\":{\"uri\":\"" + uri + "\"}}")
                .result("CallToolResult");
    }
}
