package dev.portcullis.mcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.mcp.api.Caller;
import dev.portcullis.mcp.protocol.JsonRpc;
import dev.portcullis.mcp.server.exchange.Outbound;
import dev.portcullis.mcp.server.exchange.Reply;
import dev.portcullis.mcp.server.exchange.ServerInfo;
import dev.portcullis.mcp.server.notifications.ServerNotifications;
import dev.portcullis.mcp.server.observation.McpInstrumentation;
import dev.portcullis.mcp.server.observation.McpObserver;
import dev.portcullis.mcp.server.tasks.InMemoryTaskRecords;
import dev.portcullis.mcp.server.tasks.TaskLifecycle;
import dev.portcullis.mcp.session.InMemorySessionRecords;
import dev.portcullis.mcp.session.SessionKeys;
import dev.portcullis.mcp.session.SessionRecords;
import dev.portcullis.mcp.testing.NamedCaller;
import dev.portcullis.mcp.testing.TaskTools;
import dev.portcullis.mcp.tools.FeatureRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Two servers behind a load balancer without stickiness, sharing their {@link SessionRecords} as servers sharing a
 * database do: a legacy session opened on one is served by the other, request by request, only to its owner, and a
 * DELETE on either ends it on both.
 */
class SessionsAcrossServersTest {

    private static final String LEGACY = "2025-11-25";
    private static final Caller ALICE = new NamedCaller("alice");
    private static final Caller BOB = new NamedCaller("bob");

    private final SessionRecords shared = new InMemorySessionRecords();
    private final List<String> observed = new CopyOnWriteArrayList<>();
    private final McpServer serverA = server("a");
    private final McpServer serverB = server("b");

    @Test
    void requestsWhenEachReachesTheOtherServerThenTheSessionIsServedAndDeleteEndsItOnBoth() {
        Reply initialized = send(
                serverA,
                null,
                request(
                        "initialize",
                        "{\"protocolVersion\":\"" + LEGACY + "\","
                                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}"),
                ALICE);
        String id = initialized.newSessionId();
        assertThat(id).isNotBlank();

        assertThat(send(serverB, id, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", ALICE)
                        .status())
                .isEqualTo(202);
        assertThat(send(serverA, id, request("tools/list", "{}"), ALICE).body().getJsonObject("result"))
                .containsKey("tools");
        assertThat(send(serverB, id, request("logging/setLevel", "{\"level\":\"error\"}"), ALICE)
                        .body())
                .containsKey("result");
        assertThat(send(serverB, id, request("tools/list", "{}"), ALICE).body().getJsonObject("result"))
                .containsKey("tools");
        assertThat(serverB.standaloneStreamRefusal(id, LEGACY, "alice"))
                .as("a GET stream on B")
                .isEmpty();

        assertThat(send(serverB, id, request("tools/list", "{}"), BOB).status())
                .as("another subject presenting the id")
                .isEqualTo(404);
        assertThat(serverA.standaloneStreamRefusal(id, LEGACY, "bob")).isPresent();
        assertThat(serverA.endSession(id, "bob")).isFalse();
        assertThat(send(serverA, SessionKeys.of(id), request("tools/list", "{}"), ALICE)
                        .status())
                .as("the recorded key presented as an id")
                .isEqualTo(404);

        assertThat(serverB.endSession(id, "alice")).isTrue();

        assertThat(send(serverA, id, request("tools/list", "{}"), ALICE).status())
                .isEqualTo(404);
        assertThat(send(serverB, id, request("tools/list", "{}"), ALICE).status())
                .isEqualTo(404);
        assertThat(serverA.endSession(id, "alice")).as("a second DELETE").isFalse();
        assertThat(observed)
                .as("what the observers heard: the session's key, never its id")
                .containsExactly("a opened " + SessionKeys.of(id), "b closed " + SessionKeys.of(id) + " deleted");
    }

    private McpServer server(String name) {
        FeatureRegistry registry = new TaskTools().registry();
        McpObserver observer = new McpObserver() {
            @Override
            public void sessionOpened(String sessionKey, Caller caller) {
                observed.add(name + " opened " + sessionKey);
            }

            @Override
            public void sessionClosed(String sessionKey, String owner, String reason) {
                observed.add(name + " closed " + sessionKey + " " + reason);
            }
        };
        return new McpServer(
                () -> registry,
                new ServerInfo("test", "1.0", null),
                McpSettings.defaults(),
                new ServerNotifications(),
                TaskLifecycle.daemonThreads(),
                observer,
                McpInstrumentation.NONE,
                new InMemoryTaskRecords(),
                shared,
                Clock.systemUTC());
    }

    private static String request(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    private static Reply send(McpServer server, String sessionId, String body, Caller caller) {
        Prepared prepared = server.prepare(new Incoming(
                JsonRpc.parse(body), sessionId, sessionId == null ? null : LEGACY, null, null, Map.of(), caller));
        return prepared instanceof Prepared.Answer answer
                ? answer.reply()
                : server.execute(((Prepared.Run) prepared).call(), Outbound.DISCARD);
    }
}
