package dev.portcullis.mcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.mcp.api.DownstreamException;
import dev.portcullis.mcp.api.Tool;
import dev.portcullis.mcp.api.ToolCallException;
import dev.portcullis.mcp.protocol.JsonRpc;
import dev.portcullis.mcp.server.exchange.Outbound;
import dev.portcullis.mcp.server.exchange.ServerInfo;
import dev.portcullis.mcp.server.notifications.ServerNotifications;
import dev.portcullis.mcp.server.observation.McpObserver;
import dev.portcullis.mcp.server.observation.ServedCall;
import dev.portcullis.mcp.server.tasks.TaskLifecycle;
import dev.portcullis.mcp.tools.FeatureRegistry;
import dev.portcullis.mcp.tools.FeatureRegistryBuilder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A tool call that ended because no downstream credential could be obtained is a tool error (isError) for the
 * client, and the observer (the audit trail) hears which downstream failed and the safe reason code, whether the
 * tool threw the {@link DownstreamException} itself or a JAX-RS client filter's wrapped it.
 */
class DownstreamFailureObservedTest {

    /** Tools failing the ways a downstream credential fails. */
    public static final class FailingTools {

        @Tool(name = "erp_direct")
        public String direct() {
            throw new DownstreamException(
                    "erp",
                    "token_refused:invalid_client",
                    "No access token for the downstream API 'erp': its authorization server refused the token request "
                            + "(invalid_client).");
        }

        @Tool(name = "erp_wrapped")
        public String wrapped() {
            // what a JAX-RS client throws when its request filter threw (ProcessingException)
            throw new IllegalStateException(
                    "filter failed",
                    new DownstreamException(
                            "erp",
                            "token_endpoint_failed:HTTP 503",
                            "No access token for the downstream API 'erp': its authorization " + "server failed."));
        }

        @Tool(name = "plain_failure")
        public String plain() {
            throw new ToolCallException("Sold out");
        }
    }

    private final List<ServedCall> served = new CopyOnWriteArrayList<>();

    private final McpServer server = new McpServer(
            DownstreamFailureObservedTest::registry,
            new ServerInfo("test", "1.0", null),
            new McpSettings(2, 60000, "private", java.time.Duration.ofMinutes(5), 100, 100, McpSettings.randomKey()),
            new ServerNotifications(),
            TaskLifecycle.daemonThreads(),
            new McpObserver() {
                @Override
                public void served(ServedCall call) {
                    served.add(call);
                }
            });

    private static FeatureRegistry registry() {
        FailingTools tools = new FailingTools();
        FeatureRegistryBuilder builder = new FeatureRegistryBuilder().addBean(FailingTools.class, () -> tools);
        assertThat(builder.problems()).isEmpty();
        return builder.build();
    }

    @Test
    void aDownstreamFailureIsAToolErrorAndTheObserverHearsTheDownstreamAndReason() {
        String answer = call("erp_direct");

        assertThat(answer).contains("\"isError\":true").contains("its authorization server refused the token request");
        assertThat(served).singleElement().satisfies(call -> {
            assertThat(call.outcome()).isEqualTo(ServedCall.TOOL_ERROR);
            assertThat(call.downstreamFailure())
                    .isEqualTo(new ServedCall.DownstreamFailure("erp", "token_refused:invalid_client"));
        });
    }

    @Test
    void aWrappedDownstreamFailureIsHeardToo() {
        String answer = call("erp_wrapped");

        assertThat(answer).contains("\"isError\":true").doesNotContain("filter failed");
        assertThat(served)
                .singleElement()
                .extracting(ServedCall::downstreamFailure)
                .isEqualTo(new ServedCall.DownstreamFailure("erp", "token_endpoint_failed:HTTP 503"));
    }

    @Test
    void anotherToolErrorHasNoDownstreamFailure() {
        call("plain_failure");

        assertThat(served).singleElement().satisfies(call -> {
            assertThat(call.outcome()).isEqualTo(ServedCall.TOOL_ERROR);
            assertThat(call.downstreamFailure()).isNull();
        });
    }

    private String call(String tool) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":{},\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
        Prepared prepared = server.prepare(new Incoming(JsonRpc.parse(body), null, "2026-07-28", "tools/call", tool));
        assertThat(prepared).isInstanceOf(Prepared.Run.class);
        return String.valueOf(server.execute(((Prepared.Run) prepared).call(), Outbound.DISCARD)
                .body());
    }
}
