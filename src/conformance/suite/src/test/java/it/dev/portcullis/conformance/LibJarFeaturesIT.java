package it.dev.portcullis.conformance;

import static it.dev.portcullis.support.McpHttp.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.mcp.testing.McpSchemas;
import it.dev.portcullis.support.AppServer;
import it.dev.portcullis.support.McpHttp;
import it.dev.portcullis.support.ServerUnderTest;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Issue 3 acceptance 3: a tool bean in a jar under the EAR's lib/ is listed and callable. */
@ExtendWith(ServerUnderTest.class)
class LibJarFeaturesIT {

    @Test
    void toolInEarLibJarWhenListedAndCalledThenAnswers() throws Exception {
        McpHttp mcp = McpHttp.to(AppServer.current().url("/mcp"));

        McpHttp.Answer list = mcp.modern("tools/list", null, "{}");
        assertThat(list.result().getJsonArray("tools").getValuesAs(JsonObject.class))
                .extracting(t -> t.getString("name"))
                .contains("test_simple_text", "list_pets");

        McpHttp.Answer call =
                mcp.modern("tools/call", "test_simple_text", "{\"name\":\"test_simple_text\",\"arguments\":{}}");
        assertThat(McpSchemas.errors(McpHttp.MODERN, "CallToolResult", call.result()))
                .isEmpty();
        assertThat(call.result().getJsonArray("content").getJsonObject(0).getString("text"))
                .isEqualTo("This is a simple text response for testing.");
        assertThat(request("x", "{}")).isNotEmpty();
    }
}
