package dev.portcullis.mcp.transport;

import dev.portcullis.audit.McpCallAudit;
import dev.portcullis.config.McpConfig;
import dev.portcullis.mcp.server.McpServer;
import dev.portcullis.mcp.server.McpSettings;
import dev.portcullis.mcp.server.exchange.ServerInfo;
import dev.portcullis.mcp.server.input.RequestStateKeyStore;
import dev.portcullis.mcp.server.input.RequestStateKeys;
import dev.portcullis.mcp.server.notifications.ServerNotifications;
import dev.portcullis.mcp.server.tasks.TaskRecords;
import dev.portcullis.mcp.session.SessionRecords;
import dev.portcullis.mcp.telemetry.McpTelemetry;
import dev.portcullis.mcp.tools.FeatureDiscoveryExtension;
import dev.portcullis.mcp.tools.FeatureRegistry;
import dev.portcullis.mcp.tools.ToolDefinition;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Holds the application's one {@link McpServer}, fed by the features the CDI extension discovered. Tasks run on a
 * managed executor the application defines itself (Jakarta Concurrency 3.0 section 3.1.4.3: no server configuration
 * on any server), so task work keeps the naming, class loader and security context of the request that started it;
 * at most {@value #MAX_RUNNING_TASKS} run at once, the others wait in its queue. The requestState key comes from
 * configuration or the database, and so do the tasks ({@link TaskRecords}) and the legacy sessions
 * ({@link SessionRecords}).
 */
@ApplicationScoped
@ManagedExecutorDefinition(name = McpEngine.TASK_EXECUTOR, maxAsync = McpEngine.MAX_RUNNING_TASKS)
public class McpEngine {

    static final String TASK_EXECUTOR = "java:app/concurrent/mcpTasks";
    static final int MAX_RUNNING_TASKS = 16;
    static final long SESSION_SWEEP_SECONDS = 60;

    @Inject
    private FeatureDiscoveryExtension features;

    @Inject
    private McpConfig config;

    @Inject
    private ServerNotifications notifications;

    @Inject
    private RequestStateKeyStore keyStore;

    /** The tasks of the tasks extension, on the database: every server of a cluster serves every task. */
    @Inject
    private TaskRecords taskRecords;

    /** The legacy sessions, on the database: every server of a cluster serves every session. */
    @Inject
    private SessionRecords sessionRecords;

    @Inject
    private McpTelemetry telemetry;

    @Inject
    private McpCallAudit audit;

    @Inject
    private Clock clock;

    @Resource(lookup = TASK_EXECUTOR)
    private ManagedExecutorService tasks;

    /** Keep-alive comments of GET streams: the container's default scheduled executor (Jakarta EE 10 section 5.21). */
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService scheduler;

    private McpServer server;
    private volatile FeatureRegistry registry;
    private ScheduledFuture<?> sessionSweep;

    @PostConstruct
    void start() {
        McpSettings defaults = McpSettings.defaults();
        McpSettings settings = new McpSettings(
                config.pageSize(),
                defaults.ttlMs(),
                defaults.cacheScope(),
                defaults.sessionIdleTimeout(),
                config.maxSessions(),
                config.maxSessionsPerSubject(),
                RequestStateKeys.resolve(config.requestStateKey(), keyStore));
        String version = getClass().getPackage().getImplementationVersion();
        server = new McpServer(
                this::registry,
                new ServerInfo("portcullis", version == null ? "0.1.0" : version, null),
                settings,
                notifications,
                tasks,
                audit,
                telemetry,
                taskRecords,
                sessionRecords,
                clock);
        // Idle sessions nobody asks for again end here, so their end is recorded (mcp.session.closed, expired).
        sessionSweep = scheduler.scheduleAtFixedRate(
                this::expireIdleSessions, SESSION_SWEEP_SECONDS, SESSION_SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    private void expireIdleSessions() {
        try {
            server.expireIdleSessions();
        } catch (RuntimeException e) {
            Logger.getLogger(McpEngine.class.getName()).warning("Expiring idle MCP sessions failed: " + e);
        }
    }

    /** Ends open notification streams gracefully (modern listen streams get their result). */
    @PreDestroy
    void stop() {
        if (sessionSweep != null) {
            sessionSweep.cancel(false);
        }
        server.close();
    }

    /**
     * The feature registry, fetched once through the extension's client proxy: it is complete once the deployment
     * was validated, and the server asks for it several times per request.
     */
    /** The arguments of {@code tool} marked sensitive, which the live inspector redacts; empty for an unknown tool. */
    public Set<String> sensitiveArguments(String tool) {
        return tool == null
                ? Set.of()
                : registry().tool(tool).map(ToolDefinition::sensitiveArguments).orElse(Set.of());
    }

    private FeatureRegistry registry() {
        FeatureRegistry current = registry;
        if (current == null) {
            current = features.registry();
            registry = current;
        }
        return current;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    public McpServer server() {
        return server;
    }
}
