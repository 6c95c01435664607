package it.dev.portcullis.conformance;

import static it.dev.portcullis.support.McpHttp.LEGACY;
import static it.dev.portcullis.support.McpHttp.MODERN;
import static it.dev.portcullis.support.McpHttp.request;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.LibertyServer;
import it.dev.portcullis.support.McpHttp;
import it.dev.portcullis.support.McpHttp.Answer;
import dev.portcullis.mcp.testing.McpSchemas;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Section 3 rules of mcp-requirements.md over HTTPS against the conformance EAR, whose fixture jar provides
 * resources, prompts and tools that stream or ask the client. Results are validated against the official schema of
 * the era in use.
 */
class McpFeatureRulesIT {

    private static final String INITIALIZE = request("initialize", "{\"protocolVersion\":\"2025-11-25\","
            + "\"capabilities\":{\"sampling\":{}},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}");

    private final McpHttp mcp = McpHttp.to(LibertyServer.current().url("/mcp"));

    private McpHttp session() throws Exception {
        Answer answer = mcp.post(INITIALIZE);
        return McpHttp.to(LibertyServer.current().url("/mcp"))
                .header("Mcp-Session-Id", answer.response().headers().firstValue("Mcp-Session-Id").orElseThrow())
                .header("MCP-Protocol-Version", LEGACY);
    }

    @Test
    void rule3_13_legacyResourcesListReadTemplateAndMissingIsMinus32002() throws Exception {
        McpHttp session = session();
        assertValid(LEGACY, "ListResourcesResult", session.post(request("resources/list", "{}")).result());
        assertValid(LEGACY, "ListResourceTemplatesResult", session.post(request("resources/templates/list", "{}")).result());
        JsonObject read = session.post(request("resources/read", "{\"uri\":\"test://template/42/data\"}")).result();
        assertValid(LEGACY, "ReadResourceResult", read);
        assertThat(read.toString()).contains("Data for ID: 42");
        assertThat(session.post(request("resources/read", "{\"uri\":\"test://nothing\"}")).errorCode()).isEqualTo(-32002);
    }

    @Test
    void rule3_14_modernMissingResourceIsMinus32602() throws Exception {
        Answer answer = mcp.modern("resources/read", "test://nothing", "{\"uri\":\"test://nothing\"}");

        assertThat(answer.errorCode()).isEqualTo(-32602);
    }

    @Test
    void rule3_13_legacySubscribeAndUnsubscribeReturnEmptyResults() throws Exception {
        McpHttp session = session();

        assertThat(session.post(request("resources/subscribe", "{\"uri\":\"test://watched-resource\"}")).result()).isEmpty();
        assertThat(session.post(request("resources/unsubscribe", "{\"uri\":\"test://watched-resource\"}")).result()).isEmpty();
    }

    @Test
    void rule3_15_promptsListGetAndMissingArgumentIsMinus32602() throws Exception {
        McpHttp session = session();
        assertValid(LEGACY, "ListPromptsResult", session.post(request("prompts/list", "{}")).result());
        JsonObject prompt = session.post(request("prompts/get", "{\"name\":\"test_prompt_with_arguments\","
                + "\"arguments\":{\"arg1\":\"a\",\"arg2\":\"b\"}}")).result();
        assertValid(LEGACY, "GetPromptResult", prompt);
        assertThat(session.post(request("prompts/get", "{\"name\":\"test_prompt_with_arguments\"}")).errorCode())
                .isEqualTo(-32602);
    }

    @Test
    void rule3_16_completionReturnsMatchingValues() throws Exception {
        JsonObject result = session().post(request("completion/complete", "{\"ref\":{\"type\":\"ref/prompt\","
                + "\"name\":\"test_prompt_with_arguments\"},\"argument\":{\"name\":\"arg1\",\"value\":\"par\"}}")).result();

        assertValid(LEGACY, "CompleteResult", result);
        assertThat(result.getJsonObject("completion").getJsonArray("values")).hasSize(3);
    }

    @Test
    void rule3_18_progressTravelsOnThePostSseStreamBeforeTheResult() throws Exception {
        Answer answer = session().post(request("tools/call", "{\"name\":\"test_tool_with_progress\","
                + "\"_meta\":{\"progressToken\":\"p\"}}"));

        assertThat(answer.contentType()).startsWith("text/event-stream");
        List<JsonObject> messages = answer.messages();
        assertThat(messages).hasSize(4);
        messages.subList(0, 3).forEach(m -> assertValid(LEGACY, "ProgressNotification", m));
        assertValid(LEGACY, "CallToolResult", answer.result());
    }

    @Test
    void rule3_17_legacySetLevelFiltersLogMessages() throws Exception {
        McpHttp session = session();
        assertThat(session.post(request("logging/setLevel", "{\"level\":\"error\"}")).result()).isEmpty();

        Answer answer = session.post(request("tools/call", "{\"name\":\"test_tool_with_logging\"}"));

        assertThat(answer.messages()).hasSize(1);
    }

    @Test
    void rule2_21_modernToolAskingClientGetsInputRequiredThenCompletes() throws Exception {
        String meta = "\"_meta\":{\"io.modelcontextprotocol/clientCapabilities\":{\"elicitation\":{}}}";
        Answer first = mcp.modern("tools/call", "test_input_required_result_elicitation",
                "{\"name\":\"test_input_required_result_elicitation\"}");
        assertThat(first.errorCode()).as("without the capability").isEqualTo(-32021);
        assertThat(first.status()).isEqualTo(400);

        McpHttp withElicitation = McpHttp.to(LibertyServer.current().url("/mcp"));
        Answer round1 = withElicitation.header("MCP-Protocol-Version", MODERN).header("Mcp-Method", "tools/call")
                .header("Mcp-Name", "test_input_required_result_elicitation")
                .post(request("tools/call", "{\"name\":\"test_input_required_result_elicitation\"," + meta.replace(
                        "\"_meta\":{", "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",") + "}"));
        assertValid(MODERN, "InputRequiredResult", round1.result());
        String state = round1.result().getString("requestState");

        Answer round2 = withElicitation.post(request("tools/call", "{\"name\":\"test_input_required_result_elicitation\","
                + "\"inputResponses\":{\"user_name\":{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}}},"
                + "\"requestState\":\"" + state + "\"," + meta.replace("\"_meta\":{",
                        "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\",") + "}"));
        assertValid(MODERN, "CallToolResult", round2.result());
        assertThat(round2.result().toString()).contains("Hello, Ada!");
    }

    private static void assertValid(String revision, String definition, JsonObject value) {
        assertThat(McpSchemas.errors(revision, definition, value)).as(definition + " " + value).isEmpty();
    }
}
