package dev.portcullis.mcp.testing;

import dev.portcullis.mcp.api.Caller;
import dev.portcullis.mcp.api.Cancellation;
import dev.portcullis.mcp.api.ClientRequests;
import dev.portcullis.mcp.api.McpException;
import dev.portcullis.mcp.api.Tool;
import dev.portcullis.mcp.api.Tool.TaskSupport;
import dev.portcullis.mcp.tools.FeatureRegistry;
import dev.portcullis.mcp.tools.FeatureRegistryBuilder;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Task-capable tools of the engine's task tests; one instance per test (its counters are per instance). */
public final class TaskTools {

    /** How often {@code two_questions} ran. */
    public final AtomicInteger runs = new AtomicInteger();
    /** How often {@code confirm} ran on this instance (this server). */
    public final AtomicInteger confirmRuns = new AtomicInteger();
    /** Counted down when {@code wait_for_cancel} saw its task cancelled. */
    public final CountDownLatch cancelSeen = new CountDownLatch(1);

    /** A registry of this instance's tools. */
    public FeatureRegistry registry() {
        FeatureRegistryBuilder builder = new FeatureRegistryBuilder().addBean(TaskTools.class, () -> this);
        if (!builder.problems().isEmpty()) {
            throw new IllegalStateException(builder.problems().toString());
        }
        return builder.build();
    }

    @Tool(name = "done", taskSupport = TaskSupport.OPTIONAL)
    public String done() {
        return "done";
    }

    @Tool(name = "boom", taskSupport = TaskSupport.OPTIONAL)
    public String boom() {
        throw new McpException(-32603, "boom");
    }

    @Tool(name = "crash", taskSupport = TaskSupport.OPTIONAL)
    public String crash() {
        throw new IllegalStateException("secret");
    }

    @Tool(name = "two_questions", taskSupport = TaskSupport.OPTIONAL)
    public String twoQuestions(ClientRequests client) {
        runs.incrementAndGet();
        Map<String, ClientRequests.Request> asks = new LinkedHashMap<>();
        asks.put("a", new ClientRequests.Request("elicitation/create", question("A?")));
        asks.put("b", new ClientRequests.Request("elicitation/create", question("B?")));
        return "Answers: " + client.askAll(asks).keySet();
    }

    @Tool(name = "confirm", taskSupport = TaskSupport.OPTIONAL)
    public String confirm(String item, ClientRequests client, Caller caller) {
        confirmRuns.incrementAndGet();
        JsonObject answer = client.ask("confirm", "elicitation/create", question("Keep " + item + "?"));
        return caller.name() + " " + answer.getString("action", "none") + "ed " + item;
    }

    @dev.portcullis.mcp.api.RequiresScopes("plans:write")
    @Tool(name = "confirm_scoped", taskSupport = TaskSupport.OPTIONAL)
    public String confirmScoped(String item, ClientRequests client, Caller caller) {
        return confirm(item, client, caller);
    }

    @Tool(name = "wait_for_cancel", taskSupport = TaskSupport.OPTIONAL)
    public String waitForCancel(Cancellation cancellation) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < end) {
            if (cancellation.isCancelled()) {
                cancelSeen.countDown();
                return "cancelled";
            }
            Thread.sleep(50);
        }
        return "never cancelled";
    }

    private static JsonObject question(String message) {
        return Json.createObjectBuilder()
                .add("message", message)
                .add("requestedSchema", Json.createObjectBuilder().add("type", "object"))
                .build();
    }
}
