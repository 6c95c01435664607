package dev.portcullis.mcp.server.tasks;

import dev.portcullis.json.Jsons;
import dev.portcullis.mcp.api.Caller;
import dev.portcullis.mcp.api.ClientRequests;
import dev.portcullis.mcp.api.McpException;
import dev.portcullis.mcp.api.Progress;
import dev.portcullis.mcp.protocol.JsonRpcErrorCodes;
import dev.portcullis.mcp.protocol.McpError;
import dev.portcullis.mcp.protocol.wire.JsonRpcError;
import dev.portcullis.mcp.protocol.wire.Wire;
import dev.portcullis.mcp.server.features.ToolRunner;
import dev.portcullis.mcp.server.input.InputRequired;
import dev.portcullis.mcp.server.input.InputResponses;
import dev.portcullis.mcp.server.input.ModernClientRequests;
import dev.portcullis.mcp.tools.InvocationScope;
import dev.portcullis.mcp.tools.ToolDefinition;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The life of the tasks of the tasks extension, kept in {@link TaskRecords} so that any server sharing them can
 * serve any task: creates a task (it can be read with {@code tasks/get} before its {@code CreateTaskResult} is sent)
 * and runs its work on this server's executor, parks it on {@code input_required} when the work asks the client
 * something it has no answer for, and runs it again from the start, on the server that received the last answer,
 * when {@code tasks/update} answered everything: the tool is found again by name for the caller and bound to the
 * stored arguments and answers. Tool errors complete the task ({@code isError} result); protocol errors fail it with
 * an inlined JSON-RPC error. A task is forgotten {@code ttlMs} after creation. Every change is a conditional write of
 * the records (no lock): a terminal status never changes, and of a cancel and a completion the first one wins.
 *
 * @see <a href="https://modelcontextprotocol.io/seps/2663-tasks-extension">SEP-2663 Tasks extension</a>
 */
public final class TaskLifecycle {

    /** How long a task can be read after its creation: one hour. */
    public static final long TTL_MS = 3_600_000;
    /** How many tasks run at once (outside a container). */
    static final int THREADS = 16;
    /** The polling interval suggested to clients. */
    public static final long POLL_INTERVAL_MS = 500;
    /** How long a running task trusts its last look at the stored status before asking again. */
    static final Duration CANCELLATION_CHECK = Duration.ofSeconds(1);
    /** Conditional writes tried before giving up on a change (only other writers of the same task make one fail). */
    private static final int ATTEMPTS = 8;

    private static final Logger LOG = Logger.getLogger(TaskLifecycle.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TaskRecords records;
    private final Executor executor;
    private final Clock clock;
    private final ToolRunner tools;
    private final long ttlMs;
    private final long pollIntervalMs;

    public TaskLifecycle(
            TaskRecords records, Executor executor, Clock clock, ToolRunner tools, long ttlMs, long pollIntervalMs) {
        this.records = Objects.requireNonNull(records, "records cannot be null");
        this.executor = executor;
        this.clock = clock;
        this.tools = tools;
        this.ttlMs = ttlMs;
        this.pollIntervalMs = pollIntervalMs;
    }

    /**
     * Creates a working task of {@code tool} for {@code caller} with the answers gathered so far, stores it and
     * starts its work here.
     */
    TaskRecord create(
            ToolDefinition tool,
            JsonObject arguments,
            JsonObject capabilities,
            Map<String, JsonObject> answers,
            Caller caller) {
        records.deleteExpired(clock.instant());
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        Instant now = clock.instant();
        JsonObjectBuilder gathered = Jsons.PROVIDER.createObjectBuilder();
        answers.forEach(gathered::add);
        TaskRecord task = new TaskRecord(
                Base64.getUrlEncoder().withoutPadding().encodeToString(bits),
                caller.name(),
                TaskRecord.Status.WORKING,
                now,
                now,
                ttlMs,
                pollIntervalMs,
                tool.name(),
                arguments,
                capabilities,
                gathered.build(),
                null,
                null,
                null,
                0);
        records.insert(task);
        start(task, caller);
        return task;
    }

    /**
     * The task, unless unknown, expired (then deleted) or created by someone other than {@code owner}: another
     * user's task does not exist for them.
     */
    Optional<TaskRecord> find(String taskId, String owner) {
        Optional<TaskRecord> found = records.find(taskId);
        if (found.isEmpty() || !Objects.equals(found.get().owner(), owner)) {
            return Optional.empty();
        }
        if (found.get().expired(clock.instant())) {
            records.delete(taskId);
            return Optional.empty();
        }
        return found;
    }

    /**
     * Passes {@code tasks/update} answers to an {@code input_required} task (answers to questions that are not open
     * are ignored); once nothing is left open the task is working again and its work runs here, for {@code caller}.
     */
    void answer(TaskRecord task, JsonObject inputResponses, Caller caller) {
        change(task.id(), current -> {
                    if (current.status() != TaskRecord.Status.INPUT_REQUIRED) {
                        return null;
                    }
                    JsonObjectBuilder answers = Jsons.PROVIDER.createObjectBuilder(current.answers());
                    JsonObjectBuilder open = Jsons.PROVIDER.createObjectBuilder();
                    boolean taken = false;
                    for (Map.Entry<String, JsonValue> request :
                            current.inputRequests().entrySet()) {
                        if (inputResponses.get(request.getKey()) instanceof JsonObject answer) {
                            answers.add(request.getKey(), answer);
                            taken = true;
                        } else {
                            open.add(request.getKey(), request.getValue());
                        }
                    }
                    JsonObject stillOpen = open.build();
                    if (!taken) {
                        return null;
                    }
                    return current.changed(
                            stillOpen.isEmpty() ? TaskRecord.Status.WORKING : TaskRecord.Status.INPUT_REQUIRED,
                            clock.instant(),
                            answers.build(),
                            stillOpen,
                            null,
                            null);
                })
                .filter(next -> next.status() == TaskRecord.Status.WORKING)
                .ifPresent(next -> start(next, caller));
    }

    /** {@code tasks/cancel}: a task that is not terminal becomes {@code cancelled}; a terminal one keeps its status. */
    void cancel(TaskRecord task) {
        settle(task.id(), TaskRecord.Status.CANCELLED, null, null);
    }

    private void start(TaskRecord task, Caller caller) {
        executor.execute(() -> run(task, caller));
    }

    private void run(TaskRecord task, Caller caller) {
        Map<String, JsonObject> answers = new LinkedHashMap<>();
        task.answers().forEach((key, value) -> answers.put(key, value.asJsonObject()));
        InvocationScope scope = new InvocationScope(
                NO_PROGRESS,
                (level, logger, text) -> {},
                new StoredCancellation(records, task.id(), clock, CANCELLATION_CHECK),
                new ModernClientRequests(task.clientCapabilities(), new InputResponses(answers)),
                () -> {},
                caller);
        try {
            ToolDefinition tool = tools.tool(task.toolName(), caller);
            settle(task.id(), TaskRecord.Status.COMPLETED, tools.call(null, tool, task.arguments(), scope), null);
        } catch (InputRequired required) {
            awaitInput(task.id(), required.requests());
        } catch (McpError e) {
            settle(task.id(), TaskRecord.Status.FAILED, null, error(e.code(), e.getMessage(), e.data()));
        } catch (McpException e) {
            settle(task.id(), TaskRecord.Status.FAILED, null, error(e.code(), e.getMessage(), null));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Task " + task.id() + " failed", e);
            settle(
                    task.id(),
                    TaskRecord.Status.FAILED,
                    null,
                    error(JsonRpcErrorCodes.INTERNAL_ERROR, "Internal error", null));
        }
    }

    /** Parks a working task until the client answers {@code requests} through {@code tasks/update}. */
    private void awaitInput(String taskId, Map<String, ClientRequests.Request> requests) {
        JsonObject inputRequests = Wire.toJson(InputRequired.inputRequests(requests));
        change(
                taskId,
                current -> current.status() != TaskRecord.Status.WORKING
                        ? null
                        : current.changed(
                                TaskRecord.Status.INPUT_REQUIRED,
                                clock.instant(),
                                current.answers(),
                                inputRequests,
                                null,
                                null));
    }

    /** Moves a task that is not terminal to the terminal {@code status}; a terminal one keeps its own. */
    private void settle(String taskId, TaskRecord.Status status, JsonObject result, JsonObject error) {
        change(
                taskId,
                current -> current.status().terminal()
                        ? null
                        : current.changed(status, clock.instant(), current.answers(), null, result, error));
    }

    /**
     * Applies {@code change} to the stored task by conditional writes, reading it again when another writer was
     * first; {@code change} answers null for no change. Returns the record stored, if any.
     */
    private Optional<TaskRecord> change(String taskId, UnaryOperator<TaskRecord> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<TaskRecord> current = records.find(taskId);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            TaskRecord next = change.apply(current.get());
            if (next == null) {
                return Optional.empty();
            }
            if (records.replace(current.get().version(), next)) {
                return Optional.of(next);
            }
        }
        LOG.warning(() -> "Task " + taskId + " changed too often to be updated");
        return Optional.empty();
    }

    private static JsonObject error(int code, String message, JsonValue data) {
        return Wire.toJson(new JsonRpcError(code, message == null ? "Error" : message, data));
    }

    private static final Progress NO_PROGRESS = new Progress() {
        @Override
        public boolean active() {
            return false;
        }

        @Override
        public void notify(double progress, Double total, String message) {
            // a task has no progress token
        }
    };

    /**
     * Outside a container only (unit tests, embedding): in the application server, tasks run on the
     * {@code ManagedExecutorService} the transport passes to {@code McpServer}. At most {@value #THREADS} daemon
     * threads (further tasks wait their turn, as {@code working}) that keep the creating thread's context class
     * loader, for feature beans in the application. They are not container-managed: task work has no CDI request
     * context, security context or {@code java:comp} naming.
     */
    public static Executor daemonThreads() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), work -> {
                    Thread thread = new Thread(work, "mcp-task");
                    thread.setDaemon(true);
                    thread.setContextClassLoader(loader);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
