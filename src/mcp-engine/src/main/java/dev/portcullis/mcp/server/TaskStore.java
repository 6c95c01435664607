package dev.portcullis.mcp.server;

import dev.portcullis.mcp.protocol.Jsons;
import dev.portcullis.mcp.api.McpException;
import dev.portcullis.mcp.api.McpLog;
import dev.portcullis.mcp.api.Progress;
import dev.portcullis.mcp.protocol.JsonRpcErrorCodes;
import dev.portcullis.mcp.protocol.McpError;
import dev.portcullis.mcp.tools.InvocationScope;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tasks of the tasks extension, in memory: creates a task (it can be read with {@code tasks/get} before its
 * {@code CreateTaskResult} is sent), runs its work on the executor, parks it on {@code input_required} when the work
 * asks the client something it has no answer for, runs it again from the start when {@code tasks/update} answered
 * everything, and forgets it {@code ttlMs} after creation. Tool errors complete the task ({@code isError} result);
 * protocol errors fail it with an inlined JSON-RPC error.
 *
 * @see <a href="https://modelcontextprotocol.io/seps/2663-tasks-extension">SEP-2663 Tasks extension</a>
 */
final class TaskStore {

    /** How long a task can be read after its creation: one hour. */
    static final long TTL_MS = 3_600_000;
    /** How many tasks run at once. */
    static final int THREADS = 16;
    /** The polling interval suggested to clients. */
    static final long POLL_INTERVAL_MS = 500;

    private static final Logger LOG = Logger.getLogger(TaskStore.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A task and what it runs: the work with a scope, the client capabilities of the creating request, and the user
     * who created it (null on an open endpoint), the only one who may read, update or cancel it.
     */
    private record Entry(Task task, Function<InvocationScope, JsonObject> work, JsonObject capabilities, String owner) {
    }

    private final Map<String, Entry> tasks = new ConcurrentHashMap<>();
    private final Executor executor;
    private final Clock clock;
    private final long ttlMs;
    private final long pollIntervalMs;

    TaskStore(Executor executor, Clock clock, long ttlMs, long pollIntervalMs) {
        this.executor = executor;
        this.clock = clock;
        this.ttlMs = ttlMs;
        this.pollIntervalMs = pollIntervalMs;
    }

    /** Creates a working task with the answers gathered so far and starts its work. */
    Task create(Function<InvocationScope, JsonObject> work, JsonObject capabilities, Map<String, JsonObject> answers) {
        return create(work, capabilities, answers, null);
    }

    /** Creates a working task bound to {@code owner} and starts its work. */
    Task create(Function<InvocationScope, JsonObject> work, JsonObject capabilities, Map<String, JsonObject> answers,
            String owner) {
        evictExpired();
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        Task task = new Task(Base64.getUrlEncoder().withoutPadding().encodeToString(bits), clock.instant(), ttlMs,
                pollIntervalMs, answers);
        Entry entry = new Entry(task, work, capabilities, owner);
        tasks.put(task.id(), entry);
        start(entry);
        return task;
    }

    /** The task, unless unknown or expired. */
    Optional<Task> find(String taskId) {
        Entry entry = tasks.get(taskId);
        return entry == null ? Optional.empty() : find(taskId, entry.owner());
    }

    /** The task, unless unknown, expired or created by someone other than {@code owner}. */
    Optional<Task> find(String taskId, String owner) {
        Entry entry = tasks.get(taskId);
        if (entry == null || !java.util.Objects.equals(entry.owner(), owner)) {
            return Optional.empty();
        }
        if (entry.task().expired(clock.instant())) {
            tasks.remove(taskId);
            return Optional.empty();
        }
        return Optional.of(entry.task());
    }

    /** Passes {@code tasks/update} answers to the task; runs it again once nothing is left open. */
    void answer(Task task, JsonObject inputResponses) {
        if (task.answer(inputResponses, clock.instant())) {
            Entry entry = tasks.get(task.id());
            if (entry != null) {
                start(entry);
            }
        }
    }

    private void start(Entry entry) {
        executor.execute(() -> run(entry));
    }

    private void run(Entry entry) {
        Task task = entry.task();
        InvocationScope scope = new InvocationScope(NO_PROGRESS, (level, logger, text) -> { }, task::cancelled,
                new ModernClientRequests(entry.capabilities(), new InputResponses(task.answers())), () -> { });
        try {
            task.complete(entry.work().apply(scope), clock.instant());
        } catch (InputRequired required) {
            task.awaitInput(required.requests(), clock.instant());
        } catch (McpError e) {
            task.fail(error(e.code(), e.getMessage(), e.data() == null ? null : e.data()), clock.instant());
        } catch (McpException e) {
            task.fail(error(e.code(), e.getMessage(), null), clock.instant());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Task " + task.id() + " failed", e);
            task.fail(error(JsonRpcErrorCodes.INTERNAL_ERROR, "Internal error", null), clock.instant());
        }
    }

    private static JsonObject error(int code, String message, jakarta.json.JsonValue data) {
        JsonObjectBuilder error = Jsons.PROVIDER.createObjectBuilder().add("code", code).add("message",
                message == null ? "Error" : message);
        if (data != null) {
            error.add("data", data);
        }
        return error.build();
    }

    private void evictExpired() {
        tasks.values().removeIf(entry -> entry.task().expired(clock.instant()));
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
     * {@code ManagedExecutorService} the transport passes to {@link McpServer}. At most {@value #THREADS} daemon threads (further tasks wait their turn, as {@code working}) that keep the
     * creating thread's context class loader, for feature beans in the application. They are not container-managed:
     * task work has no CDI request context, security context or {@code java:comp} naming.
     */
    static Executor daemonThreads() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(THREADS, THREADS,
                60, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(), work -> {
                    Thread thread = new Thread(work, "mcp-task");
                    thread.setDaemon(true);
                    thread.setContextClassLoader(loader);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
