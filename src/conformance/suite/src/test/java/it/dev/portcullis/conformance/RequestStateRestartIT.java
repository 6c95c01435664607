package it.dev.portcullis.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.AppServer;
import it.dev.portcullis.support.ServerUnderTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The requestState HMAC key survives a restart (issue 3: "a key from config or generated and persisted"): with no
 * {@code portcullis.mcp.request-state-key} configured, the key generated on first start is kept in the database, so
 * a multi-round-trip call begun before a restart completes after it, and a tampered state is still rejected.
 */
@ExtendWith(ServerUnderTest.class)
class RequestStateRestartIT {

    private static final String CAPABILITIES = "\"io.modelcontextprotocol/clientCapabilities\":{\"elicitation\":{}}";
    private static final String TOOL = "test_input_required_result_elicitation";

    @Test
    void rule_2_21_requestStateIssuedBeforeARestartIsAcceptedAfterIt() throws Exception {
        RuleHttp mcp = RuleHttp.modern();
        String state = mcp.call("tools/call", "{\"name\":\"" + TOOL + "\",\"arguments\":{}}", CAPABILITIES)
                .result("InputRequiredResult")
                .getString("requestState");

        AppServer.current().restart();

        String answered = "{\"name\":\"" + TOOL + "\",\"arguments\":{},\"inputResponses\":{\"user_name\":{\"action\":"
                + "\"accept\",\"content\":{\"name\":\"Grace\"}}},\"requestState\":\"%s\"}";
        assertThat(mcp.call("tools/call", String.format(answered, state), CAPABILITIES)
                        .result("CallToolResult")
                        .toString())
                .contains("Hello, Grace!");
        assertThat(mcp.call("tools/call", String.format(answered, "x" + state), CAPABILITIES)
                        .errorCode())
                .isEqualTo(-32602);
    }
}
