package dev.portcullis.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.mcp.server.tasks.TaskRecord;
import dev.portcullis.mcp.server.tasks.TaskRecords;
import dev.portcullis.testing.ProductWar;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The MCP task records in-container, on the real Derby datasource: every field survives the round trip (JSON larger
 * than a VARCHAR can hold included), changes are conditional on the version, a terminal status is never replaced,
 * and of two servers racing to settle one task exactly one wins.
 */
@ExtendWith(ArquillianExtension.class)
class JpaTaskRecordsArquillianIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Deployment
    static WebArchive deployment() {
        return ProductWar.named("portcullis-tasks-it.war").addClass(JpaTaskRecordsArquillianIT.class);
    }

    @EJB
    private TaskRecords records;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService executor;

    @Test
    void findWhenInsertedThenEveryFieldIsBackAndLargeJsonFits() {
        String big = "x".repeat(100_000);
        TaskRecord task = task(
                TaskRecord.Status.INPUT_REQUIRED,
                NOW,
                60_000,
                Json.createObjectBuilder().add("text", big).build());

        records.insert(task);
        TaskRecord found = records.find(task.id()).orElseThrow();

        assertEquals(task, found);
        assertEquals(big, found.arguments().getString("text"));
        assertNull(found.result());
        assertNull(found.error());
        assertTrue(records.find("no-such-task").isEmpty());
        assertTrue(records.find("y".repeat(200)).isEmpty());
    }

    @Test
    void replaceWhenVersionIsCurrentThenStoredAndWhenStaleThenRefused() {
        TaskRecord task = task(
                TaskRecord.Status.INPUT_REQUIRED,
                NOW,
                60_000,
                Json.createObjectBuilder().build());
        records.insert(task);
        TaskRecord working = next(task, TaskRecord.Status.WORKING, null);

        assertTrue(records.replace(task.version(), working));
        assertFalse(
                records.replace(task.version(), next(task, TaskRecord.Status.CANCELLED, null)),
                "a change based on a version another writer replaced");
        assertEquals(working, records.find(task.id()).orElseThrow());
    }

    @Test
    void replaceWhenTheTaskIsTerminalThenRefusedWhateverTheVersion() {
        TaskRecord task = task(
                TaskRecord.Status.WORKING,
                NOW,
                60_000,
                Json.createObjectBuilder().build());
        records.insert(task);
        TaskRecord cancelled = next(task, TaskRecord.Status.CANCELLED, null);
        assertTrue(records.replace(task.version(), cancelled));

        assertFalse(records.replace(
                cancelled.version(),
                next(
                        cancelled,
                        TaskRecord.Status.COMPLETED,
                        Json.createObjectBuilder()
                                .add("content", Json.createArrayBuilder())
                                .build())));

        TaskRecord stored = records.find(task.id()).orElseThrow();
        assertEquals(TaskRecord.Status.CANCELLED, stored.status());
        assertNull(stored.result());
    }

    @Test
    void replaceWhenTwoWritersRaceFromTheSameVersionThenExactlyOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            TaskRecord task = task(
                    TaskRecord.Status.WORKING,
                    NOW,
                    60_000,
                    Json.createObjectBuilder().build());
            records.insert(task);
            CountDownLatch start = new CountDownLatch(1);
            TaskRecord completed = next(
                    task,
                    TaskRecord.Status.COMPLETED,
                    Json.createObjectBuilder()
                            .add("content", Json.createArrayBuilder())
                            .build());
            TaskRecord cancelled = next(task, TaskRecord.Status.CANCELLED, null);
            Future<Boolean> complete = executor.submit(() -> {
                start.await();
                return records.replace(task.version(), completed);
            });
            Future<Boolean> cancel = executor.submit(() -> {
                start.await();
                return records.replace(task.version(), cancelled);
            });
            start.countDown();
            boolean completeWon = complete.get();
            boolean cancelWon = cancel.get();

            assertTrue(completeWon ^ cancelWon, "exactly one of complete and cancel is stored");
            assertEquals(
                    completeWon ? TaskRecord.Status.COMPLETED : TaskRecord.Status.CANCELLED,
                    records.find(task.id()).orElseThrow().status());
        }
    }

    @Test
    void deleteExpiredWhenTtlPassedThenOnlyExpiredTasksGo() {
        TaskRecord expired = task(
                TaskRecord.Status.WORKING,
                NOW.minusSeconds(120),
                60_000,
                Json.createObjectBuilder().build());
        TaskRecord alive = task(
                TaskRecord.Status.WORKING,
                NOW,
                60_000,
                Json.createObjectBuilder().build());
        records.insert(expired);
        records.insert(alive);

        assertTrue(records.deleteExpired(NOW) >= 1);

        assertTrue(records.find(expired.id()).isEmpty());
        assertTrue(records.find(alive.id()).isPresent());
        records.delete(alive.id());
        assertTrue(records.find(alive.id()).isEmpty());
    }

    private static TaskRecord task(TaskRecord.Status status, Instant created, long ttlMs, JsonObject arguments) {
        JsonObject capabilities = Json.createObjectBuilder()
                .add("elicitation", Json.createObjectBuilder())
                .add(
                        "extensions",
                        Json.createObjectBuilder().add("io.modelcontextprotocol/tasks", Json.createObjectBuilder()))
                .build();
        JsonObject open = status == TaskRecord.Status.INPUT_REQUIRED
                ? Json.createObjectBuilder()
                        .add(
                                "confirm",
                                Json.createObjectBuilder()
                                        .add("method", "elicitation/create")
                                        .add(
                                                "params",
                                                Json.createObjectBuilder().add("message", "Sure?")))
                        .build()
                : null;
        return new TaskRecord(
                UUID.randomUUID().toString(),
                "alice",
                status,
                created,
                created,
                ttlMs,
                500,
                "demo_tool",
                arguments,
                capabilities,
                Json.createObjectBuilder()
                        .add("earlier", Json.createObjectBuilder().add("action", "accept"))
                        .build(),
                open,
                null,
                null,
                0);
    }

    private static TaskRecord next(TaskRecord task, TaskRecord.Status status, JsonObject result) {
        return new TaskRecord(
                task.id(),
                task.owner(),
                status,
                task.createdAt(),
                task.lastUpdatedAt().plusMillis(5),
                task.ttlMs(),
                task.pollIntervalMs(),
                task.toolName(),
                task.arguments(),
                task.clientCapabilities(),
                task.answers(),
                null,
                result,
                null,
                task.version() + 1);
    }
}
