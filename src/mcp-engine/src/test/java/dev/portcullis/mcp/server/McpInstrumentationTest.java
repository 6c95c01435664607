package dev.portcullis.mcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.mcp.protocol.JsonRpc;
import dev.portcullis.mcp.server.exchange.Outbound;
import dev.portcullis.mcp.server.exchange.ServerInfo;
import dev.portcullis.mcp.server.notifications.ServerNotifications;
import dev.portcullis.mcp.server.observation.McpInstrumentation;
import dev.portcullis.mcp.server.observation.McpObserver;
import dev.portcullis.mcp.server.tasks.TaskLifecycle;
import dev.portcullis.mcp.testing.TestTools;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the engine reports to its instrumentation: one request observation per served request, labelled only with
 * methods and tools the engine knows (a caller cannot make up series), ended with the outcome; and a tool observation
 * inside it for the tool bean's method.
 */
class McpInstrumentationTest {

    private static final String META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

    private final List<String> events = new ArrayList<>();

    private final McpInstrumentation recorder = new McpInstrumentation() {
        @Override
        public Observation request(String method, String tool, String clientId) {
            events.add("start " + method + " " + tool);
            return code -> events.add("end " + method + " " + tool + " " + code);
        }

        @Override
        public Observation feature(String kind, String name) {
            events.add("start " + kind + " " + name);
            return code -> events.add("end " + kind + " " + name + " " + code);
        }
    };

    private final McpServer server = new McpServer(
            TestTools::registry,
            new ServerInfo("test", "1.0", null),
            new McpSettings(2, 60000, "private", java.time.Duration.ofMinutes(5), 100, 100, McpSettings.randomKey()),
            new ServerNotifications(),
            TaskLifecycle.daemonThreads(),
            McpObserver.NONE,
            recorder);

    @Test
    void toolCallIsOneRequestObservationWithTheToolObservationInside() {
        run("tools/call", "add", "{\"name\":\"add\",\"arguments\":{\"a\":1}," + META + "}");

        assertThat(events)
                .containsExactly(
                        "start tools/call add", "start tool add", "end tool add null", "end tools/call add null");
    }

    @Test
    void toolErrorAndUnknownToolAreLabelledWithoutTheCallersName() {
        run("tools/call", "fail", "{\"name\":\"fail\",\"arguments\":{}," + META + "}");
        run("tools/call", "made-up", "{\"name\":\"made-up\",\"arguments\":{}," + META + "}");

        assertThat(events)
                .contains("end tools/call fail tool_error", "end tools/call (unknown) -32602")
                .noneMatch(event -> event.contains("made-up"));
    }

    @Test
    void unknownMethodIsLabelledUnknown() {
        run("no/such-" + System.nanoTime(), null, "{" + META + "}");

        assertThat(events).hasSize(2).allMatch(event -> event.contains("(unknown) -"));
    }

    private void run(String method, String name, String params) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
        Prepared prepared = server.prepare(new Incoming(JsonRpc.parse(body), null, "2026-07-28", method, name));
        assertThat(prepared).as("the engine runs %s", method).isInstanceOf(Prepared.Run.class);
        server.execute(((Prepared.Run) prepared).call(), Outbound.DISCARD);
    }
}
