package dev.portcullis.mcp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Rules 2.4, 2.7 and 3.21: one message per body, malformed JSON, ids. */
class JsonRpcTest {

    @Test
    void rule2_7_parseWhenMalformedJsonThenParseError400() {
        McpError error = catchThrowableOfType(McpError.class, () -> JsonRpc.parse("{\"jsonrpc\":"));

        assertThat(error.code()).isEqualTo(-32700);
        assertThat(error.httpStatus()).isEqualTo(400);
        assertThat(JsonRpc.error(null, error)).doesNotContainKey("id"); // the MCP schemas have no null ids
    }

    @Test
    void rule2_7_parseWhenNestedTooDeepThenParseError400() {
        McpError error = catchThrowableOfType(McpError.class, () -> JsonRpc.parse("[".repeat(200_000)));

        assertThat(error)
                .as("200,000 [ must be a JSON-RPC parse error, not an escaping RuntimeException")
                .isNotNull();
        assertThat(error.code()).isEqualTo(-32700);
        assertThat(error.httpStatus()).isEqualTo(400);
    }

    @Test
    void rule2_4_parseWhenBatchThenInvalidRequest400() {
        McpError error = catchThrowableOfType(
                McpError.class, () -> JsonRpc.parse("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]"));

        assertThat(error.code()).isEqualTo(-32600);
        assertThat(error.httpStatus()).isEqualTo(400);
    }

    @Test
    void rule3_21_parseWhenIdNullOrObjectThenInvalidRequest() {
        assertThat(catchThrowableOfType(
                                McpError.class,
                                () -> JsonRpc.parse("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}"))
                        .code())
                .isEqualTo(-32600);
        assertThat(catchThrowableOfType(
                                McpError.class,
                                () -> JsonRpc.parse("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}"))
                        .code())
                .isEqualTo(-32600);
    }

    @Test
    void parseWhenNotificationThenNoId() {
        JsonRpcMessage message = JsonRpc.parse("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

        assertThat(message.isNotification()).isTrue();
        assertThat(message.params()).isEmpty();
    }
}
