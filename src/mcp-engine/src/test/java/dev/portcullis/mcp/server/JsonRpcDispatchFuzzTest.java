package dev.portcullis.mcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portcullis.mcp.protocol.JsonRpc;
import dev.portcullis.mcp.protocol.JsonRpcMessage;
import dev.portcullis.mcp.protocol.McpError;
import dev.portcullis.mcp.server.exchange.Outbound;
import dev.portcullis.mcp.server.exchange.Reply;
import dev.portcullis.mcp.server.exchange.ServerInfo;
import dev.portcullis.mcp.testing.TestTools;

/**
 * Coverage-guided fuzzing (Jazzer) of what {@code /mcp} does with a body: JSON-RPC parsing, then the engine's
 * dispatch in either era, with fuzzed session, version, method and name headers. Whatever the input, the answer is
 * a JSON-RPC error or a reply below 500; no other exception escapes. Seeds and found inputs are under
 * {@code src/test/resources/dev/portcullis/mcp/server/JsonRpcDispatchFuzzTestInputs}.
 */
class JsonRpcDispatchFuzzTest {

    private static final String[] VERSIONS = {"2026-07-28", "2025-11-25", "2025-06-18", null, "x"};
    private static final String[] METHODS = {
        null,
        "tools/call",
        "tools/list",
        "initialize",
        "ping",
        "resources/read",
        "prompts/get",
        "completion/complete",
        "server/discover"
    };

    private final McpServer server = new McpServer(
            TestTools::registry,
            new ServerInfo("fuzz", "1.0", null),
            new McpSettings(2, 60000, "private", java.time.Duration.ofMinutes(5), 100, 100, McpSettings.randomKey()));

    @FuzzTest(maxDuration = "5s")
    void anyBodyGetsAJsonRpcAnswerBelow500(FuzzedDataProvider data) {
        String version = VERSIONS[data.consumeInt(0, VERSIONS.length - 1)];
        String method = METHODS[data.consumeInt(0, METHODS.length - 1)];
        String name = data.consumeBoolean() ? data.consumeString(20) : null;
        String session = data.consumeBoolean() ? data.consumeString(50) : null;
        byte[] body = data.consumeRemainingAsBytes();
        JsonRpcMessage message;
        try {
            message = JsonRpc.parse(body);
        } catch (McpError e) {
            assertThat(e.httpStatus()).isLessThan(500);
            return;
        }
        try {
            Prepared prepared = server.prepare(new Incoming(message, session, version, method, name));
            Reply reply = prepared instanceof Prepared.Answer answer
                    ? answer.reply()
                    : server.execute(((Prepared.Run) prepared).call(), Outbound.DISCARD);
            assertThat(reply.status()).isLessThan(500);
        } catch (McpError e) {
            assertThat(e.httpStatus()).isLessThan(500);
        }
    }
}
