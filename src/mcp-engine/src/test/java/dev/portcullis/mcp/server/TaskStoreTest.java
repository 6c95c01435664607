package dev.portcullis.mcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.mcp.api.ClientRequests;
import dev.portcullis.mcp.api.McpException;
import dev.portcullis.mcp.api.ToolCallException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The task lifecycle of the tasks extension (SEP-2663), with work run on the calling thread. */
class TaskStoreTest {

    private static final JsonObject ELICITATION = Json.createObjectBuilder().add("elicitation", JsonValue.EMPTY_JSON_OBJECT)
            .build();
    private static final JsonObject DONE = Json.createObjectBuilder().add("content", JsonValue.EMPTY_JSON_ARRAY).build();

    private final MutableClock clock = new MutableClock();
    private final TaskStore store = new TaskStore(Runnable::run, clock, 60_000, 500);

    @Test
    void findWhenAnotherUserAsksThenTheTaskDoesNotExistForThem() {
        Task task = store.create(scope -> DONE, ELICITATION, Map.of(), "alice");

        assertThat(store.find(task.id(), "alice")).isPresent();
        assertThat(store.find(task.id(), "bob")).isEmpty();
        assertThat(store.find(task.id(), null)).isEmpty();
    }

    @Test
    void createWhenWorkReturnsThenCompletedWithInlinedResult() {
        Task task = store.create(scope -> DONE, ELICITATION, Map.of());

        JsonObject created = task.toJson(false);
        assertThat(created.getString("taskId")).isNotBlank();
        assertThat(created.getJsonNumber("ttlMs").longValue()).isEqualTo(60_000);
        assertThat(created.getJsonNumber("pollIntervalMs").longValue()).isEqualTo(500);
        assertThat(created).doesNotContainKeys("result", "error", "inputRequests", "requestState", "ttl");
        JsonObject detailed = store.find(task.id()).orElseThrow().toJson(true);
        assertThat(detailed.getString("status")).isEqualTo("completed");
        assertThat(detailed.getJsonObject("result")).isEqualTo(DONE);
    }

    @Test
    void createWhenProtocolErrorThenFailedWithErrorAndNoResult() {
        Task task = store.create(scope -> {
            throw new McpException(-32603, "boom");
        }, ELICITATION, Map.of());

        JsonObject detailed = task.toJson(true);
        assertThat(detailed.getString("status")).isEqualTo("failed");
        assertThat(detailed.getJsonObject("error").getInt("code")).isEqualTo(-32603);
        assertThat(detailed).doesNotContainKey("result");
    }

    @Test
    void createWhenUnexpectedExceptionThenFailedWithoutDetail() {
        Task task = store.create(scope -> {
            throw new IllegalStateException("secret");
        }, ELICITATION, Map.of());

        assertThat(task.toJson(true).getJsonObject("error").getString("message")).isEqualTo("Internal error");
    }

    @Test
    void answerWhenPartialThenStillInputRequiredWithOnlyOpenKeysAndRunsWhenAllAnswered() {
        AtomicInteger runs = new AtomicInteger();
        Task task = store.create(scope -> {
            runs.incrementAndGet();
            Map<String, ClientRequests.Request> asks = new LinkedHashMap<>();
            asks.put("a", new ClientRequests.Request("elicitation/create", JsonValue.EMPTY_JSON_OBJECT));
            asks.put("b", new ClientRequests.Request("elicitation/create", JsonValue.EMPTY_JSON_OBJECT));
            scope.client().askAll(asks);
            return DONE;
        }, ELICITATION, Map.of());
        assertThat(task.toJson(true).getJsonObject("inputRequests").keySet()).containsExactlyInAnyOrder("a", "b");

        store.answer(task, Json.createObjectBuilder().add("a", JsonValue.EMPTY_JSON_OBJECT)
                .add("unknown", JsonValue.EMPTY_JSON_OBJECT).build());

        assertThat(task.toJson(true).getString("status")).isEqualTo("input_required");
        assertThat(task.toJson(true).getJsonObject("inputRequests").keySet()).containsExactly("b");
        assertThat(runs).hasValue(1);

        store.answer(task, Json.createObjectBuilder().add("b", JsonValue.EMPTY_JSON_OBJECT).build());

        assertThat(task.status()).isEqualTo(Task.Status.COMPLETED);
        assertThat(runs).hasValue(2);
    }

    @Test
    void cancelWhenTerminalThenStatusKept() {
        Task task = store.create(scope -> DONE, ELICITATION, Map.of());

        task.cancel(clock.instant());

        assertThat(task.status()).isEqualTo(Task.Status.COMPLETED);
    }

    @Test
    void completeWhenCancelledThenStaysCancelled() {
        Task task = new Task("t", clock.instant(), 1000, 100, Map.of());
        task.cancel(clock.instant());

        task.complete(DONE, clock.instant());

        assertThat(task.cancelled()).isTrue();
        assertThat(task.toJson(true).getString("status")).isEqualTo("cancelled");
        assertThat(task.toJson(true)).doesNotContainKey("result");
    }

    @Test
    void findWhenTtlPassedThenUnknownButNotBefore() {
        Task task = store.create(scope -> {
            throw new ToolCallException("never reached as a result");
        }, ELICITATION, Map.of());
        clock.advance(Duration.ofSeconds(59));
        assertThat(store.find(task.id())).isPresent();

        clock.advance(Duration.ofSeconds(2));

        assertThat(store.find(task.id())).isEmpty();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-07-28T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
