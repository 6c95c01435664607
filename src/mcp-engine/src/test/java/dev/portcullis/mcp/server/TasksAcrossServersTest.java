package dev.portcullis.mcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.mcp.api.Caller;
import dev.portcullis.mcp.protocol.JsonRpc;
import dev.portcullis.mcp.server.exchange.Outbound;
import dev.portcullis.mcp.server.exchange.Reply;
import dev.portcullis.mcp.server.exchange.ServerInfo;
import dev.portcullis.mcp.server.tasks.InMemoryTaskRecords;
import dev.portcullis.mcp.server.tasks.TaskRecords;
import dev.portcullis.mcp.testing.NamedCaller;
import dev.portcullis.mcp.testing.TaskTools;
import dev.portcullis.mcp.tools.FeatureRegistry;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two servers behind one load balancer, sharing their {@link TaskRecords} as servers sharing a database do: a task
 * created on one is read, answered and cancelled on the other, its work runs again where the last answer arrived,
 * and only its creator sees it on either server.
 */
class TasksAcrossServersTest {

    private static final String MODERN = "2026-07-28";
    private static final String META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{\"elicitation\":{},"
            + "\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}}";
    private static final Caller ALICE = new NamedCaller("alice");
    private static final Caller BOB = new NamedCaller("bob");

    private final TaskRecords shared = new InMemoryTaskRecords();
    private final TaskTools toolsA = new TaskTools();
    private final TaskTools toolsB = new TaskTools();
    private final McpServer serverA = server(toolsA);
    private final McpServer serverB = server(toolsB);

    @Test
    void tasksGetWhenTheTaskWasCreatedOnTheOtherServerThenItIsKnownThere() {
        String taskId = createTask(serverA, "done", ALICE);

        JsonObject seen = waitForStatus(serverB, taskId, ALICE, "completed");

        assertThat(seen.getJsonObject("result").toString()).contains("done");
    }

    @Test
    void tasksUpdateWhenAnsweredOnTheOtherServerThenTheWorkRunsAgainThereAndCompletes() {
        String taskId = createTask(serverA, "confirm", ALICE);
        JsonObject waiting = waitForStatus(serverB, taskId, ALICE, "input_required");
        assertThat(waiting.getJsonObject("inputRequests").keySet()).containsExactly("confirm");

        JsonObject ack = call(
                serverB,
                "tasks/update",
                taskId,
                "{\"taskId\":\"" + taskId + "\",\"inputResponses\":" + "{\"confirm\":{\"action\":\"accept\"}}," + META
                        + "}",
                ALICE);
        assertThat(ack).containsKey("result");

        JsonObject done = waitForStatus(serverB, taskId, ALICE, "completed");
        assertThat(done.getJsonObject("result").toString()).contains("alice accepted the plan");
        assertThat(toolsA.confirmRuns).as("runs on the creating server").hasValue(1);
        assertThat(toolsB.confirmRuns)
                .as("runs on the server that got the last answer")
                .hasValue(1);
        assertThat(waitForStatus(serverA, taskId, ALICE, "completed")).isEqualTo(done);
    }

    @Test
    void tasksCancelWhenSentToTheOtherServerThenTheRunningWorkSeesItAndTheStatusStays() throws Exception {
        String taskId = createTask(serverA, "wait_for_cancel", ALICE);

        assertThat(call(serverB, "tasks/cancel", taskId, "{\"taskId\":\"" + taskId + "\"," + META + "}", ALICE))
                .containsKey("result");

        assertThat(toolsA.cancelSeen.await(5, TimeUnit.SECONDS))
                .as("the work on server A saw the cancel")
                .isTrue();
        Thread.sleep(200); // the work returned; its result must not replace the cancel
        assertThat(waitForStatus(serverA, taskId, ALICE, "cancelled")).doesNotContainKey("result");
    }

    @Test
    void taskMethodsWhenAnotherUserAsksOnTheOtherServerThenTheTaskIsUnknownToThem() {
        String taskId = createTask(serverA, "confirm", ALICE);
        waitForStatus(serverA, taskId, ALICE, "input_required");

        for (String method : new String[] {"tasks/get", "tasks/update", "tasks/cancel"}) {
            JsonObject answer = call(
                    serverB,
                    method,
                    taskId,
                    "{\"taskId\":\"" + taskId + "\",\"inputResponses\":" + "{\"confirm\":{\"action\":\"accept\"}},"
                            + META + "}",
                    BOB);
            assertThat(answer.getJsonObject("error").getInt("code")).as(method).isEqualTo(-32602);
        }
        assertThat(waitForStatus(serverB, taskId, ALICE, "input_required")).containsKey("inputRequests");
        assertThat(toolsB.confirmRuns).hasValue(0);
    }

    /** A server of its own tools and task threads over the shared records (initialized above, before the servers). */
    @Test
    void tasksUpdateWhenTheTokenLacksTheToolsScopesThen403StepUpAndTheTaskStaysOpen() {
        Caller aliceWithScope = new NamedCaller("alice", java.util.Set.of("plans:write"));
        String taskId = createTask(serverA, "confirm_scoped", aliceWithScope);
        waitForStatus(serverB, taskId, ALICE, "input_required");
        String update =
                "{\"taskId\":\"" + taskId + "\",\"inputResponses\":{\"confirm\":{\"action\":\"accept\"}}," + META + "}";

        Reply refused = reply(serverB, "tasks/update", taskId, update, ALICE);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.requiredScopes()).containsExactly("plans:write");
        assertThat(waitForStatus(serverB, taskId, ALICE, "input_required")).containsKey("inputRequests");
        assertThat(call(serverB, "tasks/update", taskId, update, aliceWithScope))
                .containsKey("result");
        assertThat(waitForStatus(serverA, taskId, ALICE, "completed")
                        .getJsonObject("result")
                        .toString())
                .contains("alice accepted the plan");
    }

    private McpServer server(TaskTools tools) {
        FeatureRegistry registry = tools.registry();
        return new McpServer(() -> registry, new ServerInfo("test", "1.0", null), McpSettings.defaults(), shared);
    }

    private String createTask(McpServer server, String tool, Caller caller) {
        JsonObject created = call(
                        server,
                        "tools/call",
                        tool,
                        "{\"name\":\"" + tool + "\",\"arguments\":" + "{\"item\":\"the plan\"}," + META + "}",
                        caller)
                .getJsonObject("result");
        assertThat(created.getString("resultType")).isEqualTo("task");
        return created.getString("taskId");
    }

    private JsonObject waitForStatus(McpServer server, String taskId, Caller caller, String status) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonObject task;
        do {
            task = call(server, "tasks/get", taskId, "{\"taskId\":\"" + taskId + "\"," + META + "}", caller)
                    .getJsonObject("result");
            if (task != null && status.equals(task.getString("status"))) {
                return task;
            }
            sleep();
        } while (System.nanoTime() < end);
        throw new AssertionError("task " + taskId + " never became " + status + ", last: " + task);
    }

    private static JsonObject call(McpServer server, String method, String name, String params, Caller caller) {
        return reply(server, method, name, params, caller).body();
    }

    private static Reply reply(McpServer server, String method, String name, String params, Caller caller) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
        Prepared prepared =
                server.prepare(new Incoming(JsonRpc.parse(body), null, MODERN, method, name, Map.of(), caller));
        Reply reply = prepared instanceof Prepared.Answer answer
                ? answer.reply()
                : server.execute(((Prepared.Run) prepared).call(), Outbound.DISCARD);
        return reply;
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
