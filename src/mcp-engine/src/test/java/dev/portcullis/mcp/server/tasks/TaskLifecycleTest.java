package dev.portcullis.mcp.server.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.mcp.api.Caller;
import dev.portcullis.mcp.server.features.ToolRunner;
import dev.portcullis.mcp.server.observation.McpInstrumentation;
import dev.portcullis.mcp.testing.NamedCaller;
import dev.portcullis.mcp.testing.TaskTools;
import dev.portcullis.mcp.tools.FeatureRegistry;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The task lifecycle of the tasks extension (SEP-2663), with work run on the calling thread. */
class TaskLifecycleTest {

    private static final JsonObject ELICITATION = Json.createObjectBuilder()
            .add("elicitation", JsonValue.EMPTY_JSON_OBJECT)
            .build();
    private static final Caller ALICE = new NamedCaller("alice");

    private final MutableClock clock = new MutableClock();
    private final TaskTools tools = new TaskTools();
    private final FeatureRegistry registry = tools.registry();
    private final TaskRecords records = new InMemoryTaskRecords();
    private final TaskLifecycle lifecycle = new TaskLifecycle(
            records, Runnable::run, clock, new ToolRunner(() -> registry, McpInstrumentation.NONE), 60_000, 500);

    @Test
    void findWhenAnotherUserAsksThenTheTaskDoesNotExistForThem() {
        TaskRecord task = create("done", ALICE);

        assertThat(lifecycle.find(task.id(), "alice")).isPresent();
        assertThat(lifecycle.find(task.id(), "bob")).isEmpty();
        assertThat(lifecycle.find(task.id(), null)).isEmpty();
    }

    @Test
    void createWhenWorkReturnsThenCompletedWithInlinedResult() {
        TaskRecord task = create("done", Caller.ANONYMOUS);

        JsonObject created = task.toJson(false);
        assertThat(created.getString("taskId")).isNotBlank();
        assertThat(created.getJsonNumber("ttlMs").longValue()).isEqualTo(60_000);
        assertThat(created.getJsonNumber("pollIntervalMs").longValue()).isEqualTo(500);
        assertThat(created).doesNotContainKeys("result", "error", "inputRequests", "requestState", "ttl");
        JsonObject detailed = lifecycle.find(task.id(), null).orElseThrow().toJson(true);
        assertThat(detailed.getString("status")).isEqualTo("completed");
        assertThat(detailed.getJsonObject("result").toString()).contains("done");
    }

    @Test
    void createWhenProtocolErrorThenFailedWithErrorAndNoResult() {
        TaskRecord task = create("boom", Caller.ANONYMOUS);

        JsonObject detailed = stored(task).toJson(true);
        assertThat(detailed.getString("status")).isEqualTo("failed");
        assertThat(detailed.getJsonObject("error").getInt("code")).isEqualTo(-32603);
        assertThat(detailed).doesNotContainKey("result");
    }

    @Test
    void createWhenUnexpectedExceptionThenFailedWithoutDetail() {
        TaskRecord task = create("crash", Caller.ANONYMOUS);

        assertThat(stored(task).toJson(true).getJsonObject("error").getString("message"))
                .isEqualTo("Internal error");
    }

    @Test
    void answerWhenPartialThenStillInputRequiredWithOnlyOpenKeysAndRunsWhenAllAnswered() {
        TaskRecord task = create("two_questions", Caller.ANONYMOUS);
        assertThat(stored(task).toJson(true).getJsonObject("inputRequests").keySet())
                .containsExactlyInAnyOrder("a", "b");

        lifecycle.answer(
                stored(task),
                Json.createObjectBuilder()
                        .add("a", JsonValue.EMPTY_JSON_OBJECT)
                        .add("unknown", JsonValue.EMPTY_JSON_OBJECT)
                        .build(),
                Caller.ANONYMOUS);

        assertThat(stored(task).toJson(true).getString("status")).isEqualTo("input_required");
        assertThat(stored(task).toJson(true).getJsonObject("inputRequests").keySet())
                .containsExactly("b");
        assertThat(stored(task).answers().keySet()).containsExactly("a");
        assertThat(tools.runs).hasValue(1);

        lifecycle.answer(
                stored(task),
                Json.createObjectBuilder().add("b", JsonValue.EMPTY_JSON_OBJECT).build(),
                Caller.ANONYMOUS);

        assertThat(stored(task).status()).isEqualTo(TaskRecord.Status.COMPLETED);
        assertThat(stored(task).toJson(true).getJsonObject("result").toString()).contains("Answers: [a, b]");
        assertThat(tools.runs).hasValue(2);
    }

    @Test
    void cancelWhenTerminalThenStatusKept() {
        TaskRecord task = create("done", Caller.ANONYMOUS);

        lifecycle.cancel(task);

        assertThat(stored(task).status()).isEqualTo(TaskRecord.Status.COMPLETED);
    }

    @Test
    void replaceWhenCancelledFirstThenCompletionIsRefusedAndStatusStaysCancelled() {
        TaskRecord task = create("two_questions", Caller.ANONYMOUS);
        TaskRecord seenByTheWork = stored(task);
        lifecycle.cancel(task);

        boolean completed = records.replace(
                seenByTheWork.version(),
                seenByTheWork.changed(
                        TaskRecord.Status.COMPLETED,
                        clock.instant(),
                        seenByTheWork.answers(),
                        null,
                        Json.createObjectBuilder().build(),
                        null));

        assertThat(completed).isFalse();
        assertThat(stored(task).toJson(true).getString("status")).isEqualTo("cancelled");
        assertThat(stored(task).toJson(true)).doesNotContainKey("result");
    }

    @Test
    void replaceWhenVersionIsStaleThenRefused() {
        TaskRecord task = create("two_questions", Caller.ANONYMOUS);
        TaskRecord current = stored(task);

        assertThat(records.replace(
                        current.version() - 1,
                        current.changed(
                                TaskRecord.Status.WORKING, clock.instant(), current.answers(), null, null, null)))
                .isFalse();
        assertThat(records.replace(
                        current.version(),
                        current.changed(
                                TaskRecord.Status.WORKING, clock.instant(), current.answers(), null, null, null)))
                .isTrue();
    }

    @Test
    void findWhenTtlPassedThenUnknownAndDeletedButNotBefore() {
        TaskRecord task = create("two_questions", Caller.ANONYMOUS);
        clock.advance(Duration.ofSeconds(59));
        assertThat(lifecycle.find(task.id(), null)).isPresent();

        clock.advance(Duration.ofSeconds(2));

        assertThat(lifecycle.find(task.id(), null)).isEmpty();
        assertThat(records.find(task.id())).isEmpty();
    }

    @Test
    void createWhenOthersExpiredThenTheyAreDeleted() {
        TaskRecord old = create("two_questions", Caller.ANONYMOUS);
        clock.advance(Duration.ofSeconds(61));

        create("done", Caller.ANONYMOUS);

        assertThat(records.find(old.id())).isEmpty();
    }

    @Test
    void cancellationWhenCheckedAgainWithinTheIntervalThenTheStoredStatusIsNotReadAgain() {
        TaskRecord task = create("two_questions", Caller.ANONYMOUS);
        StoredCancellation cancellation = new StoredCancellation(records, task.id(), clock, Duration.ofSeconds(1));
        lifecycle.cancel(task);

        assertThat(cancellation.isCancelled())
                .as("within a second of the last look")
                .isFalse();
        clock.advance(Duration.ofMillis(1000));
        assertThat(cancellation.isCancelled()).isTrue();
    }

    private TaskRecord create(String tool, Caller caller) {
        return lifecycle.create(
                registry.tool(tool).orElseThrow(), JsonValue.EMPTY_JSON_OBJECT, ELICITATION, Map.of(), caller);
    }

    private TaskRecord stored(TaskRecord task) {
        return records.find(task.id()).orElseThrow();
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
