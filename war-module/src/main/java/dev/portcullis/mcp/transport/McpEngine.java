package dev.portcullis.mcp.transport;

import dev.portcullis.config.McpConfig;
import dev.portcullis.mcp.server.McpServer;
import dev.portcullis.mcp.server.McpSettings;
import dev.portcullis.mcp.server.RequestStateKeyStore;
import dev.portcullis.mcp.server.RequestStateKeys;
import dev.portcullis.mcp.server.ServerInfo;
import dev.portcullis.mcp.server.ServerNotifications;
import dev.portcullis.mcp.tools.FeatureDiscoveryExtension;
import dev.portcullis.mcp.tools.FeatureRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Holds the application's one {@link McpServer}, fed by the features the CDI extension discovered. Tasks run on the
 * container's {@code concurrent/mcpTasks} executor (server.xml), so task work keeps the naming, class loader and
 * security context of the request that started it; the requestState key comes from configuration or the database.
 */
@ApplicationScoped
public class McpEngine {

    @Inject
    private FeatureDiscoveryExtension features;

    @Inject
    private McpConfig config;

    @Inject
    private ServerNotifications notifications;

    @Inject
    private RequestStateKeyStore keyStore;

    @Resource(lookup = "concurrent/mcpTasks")
    private ManagedExecutorService tasks;

    /** Keep-alive comments of GET streams: the container's default scheduled executor. */
    @Resource
    private ManagedScheduledExecutorService scheduler;

    private McpServer server;
    private volatile FeatureRegistry registry;

    @PostConstruct
    void start() {
        McpSettings defaults = McpSettings.defaults();
        McpSettings settings = new McpSettings(config.pageSize(), defaults.ttlMs(), defaults.cacheScope(),
                defaults.sessionIdleTimeout(), defaults.maxSessions(),
                RequestStateKeys.resolve(config.requestStateKey(), keyStore));
        String version = getClass().getPackage().getImplementationVersion();
        server = new McpServer(this::registry, new ServerInfo("portcullis", version == null ? "0.1.0" : version,
                null), settings, notifications, tasks);
    }

    /** Ends open notification streams gracefully (modern listen streams get their result). */
    @PreDestroy
    void stop() {
        server.close();
    }

    /**
     * The feature registry, fetched once through the extension's client proxy: it is complete once the deployment
     * was validated, and the server asks for it several times per request.
     */
    private FeatureRegistry registry() {
        FeatureRegistry current = registry;
        if (current == null) {
            current = features.registry();
            registry = current;
        }
        return current;
    }

    public java.util.concurrent.ScheduledExecutorService scheduler() {
        return scheduler;
    }

    public McpServer server() {
        return server;
    }
}
