package dev.portcullis.mcp.transport;

import dev.portcullis.config.McpConfig;
import dev.portcullis.mcp.server.McpServer;
import dev.portcullis.mcp.server.McpSettings;
import dev.portcullis.mcp.server.ServerInfo;
import dev.portcullis.mcp.tools.FeatureDiscoveryExtension;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Holds the application's one {@link McpServer}, fed by the features the CDI extension discovered. */
@ApplicationScoped
public class McpEngine {

    @Inject
    private FeatureDiscoveryExtension features;

    @Inject
    private McpConfig config;

    private McpServer server;

    @PostConstruct
    void start() {
        McpSettings defaults = McpSettings.defaults();
        McpSettings settings = new McpSettings(config.pageSize(), defaults.ttlMs(), defaults.cacheScope(),
                defaults.sessionIdleTimeout(), defaults.maxSessions(),
                config.requestStateKey().orElse(defaults.requestStateKey()));
        String version = getClass().getPackage().getImplementationVersion();
        server = new McpServer(features::registry, new ServerInfo("portcullis", version == null ? "0.1.0" : version,
                null), settings);
    }

    public McpServer server() {
        return server;
    }
}
