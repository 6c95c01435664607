package it.dev.portcullis.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Two nodes, one PostgreSQL, one balancer, all on loopback ports picked free at start. Every node gets the same
 * environment: the PostgreSQL datasource (liberty-config/includes/datasource-postgresql.xml), the balancer's URL as
 * issuer and MCP resource, one key-encryption key, access logging, a one-second revocation reload, 20-second
 * access tokens and one second of clock skew. The second node starts after the first is ready, with the first one's
 * LTPA keys (the realm's sign-on cookie must verify on every node): what src/docs/scale-out.md asks of an operator.
 */
final class Cluster implements AutoCloseable {

    /** The nodes' access-token lifetime ({@code portcullis.oauth.access-token.lifetime}). */
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(20);

    private final Path dir =
            Path.of("target", "cluster", UUID.randomUUID().toString()).toAbsolutePath();
    private PostgresServer database;
    private final List<ClusterNode> nodes = new ArrayList<>();
    private Balancer balancer;

    static boolean installable() {
        return PostgresServer.installed() && Balancer.installed();
    }

    Cluster start() throws Exception {
        database = PostgresServer.start(dir.resolve("postgresql"), freePort());
        balancer = new Balancer(dir.resolve("balancer"), freePort());
        nodes.add(new ClusterNode("portcullis-node-a", freePort()));
        nodes.add(new ClusterNode("portcullis-node-b", freePort()));
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        String issuer = "https://localhost:" + balancer.port();
        Map<String, String> environment = Map.ofEntries(
                Map.entry("PORTCULLIS_DATABASE", "postgresql"),
                Map.entry("PORTCULLIS_DB_HOST", "127.0.0.1"),
                Map.entry("PORTCULLIS_DB_PORT", String.valueOf(database.port())),
                Map.entry("PORTCULLIS_DB_NAME", PostgresServer.DATABASE),
                Map.entry("PORTCULLIS_DB_USER", PostgresServer.USER),
                Map.entry("PORTCULLIS_ISSUER", issuer),
                Map.entry("PORTCULLIS_MCP_RESOURCE", issuer + "/mcp"),
                Map.entry(
                        "PORTCULLIS_OAUTH_KEYS_ENCRYPTION_KEY",
                        Base64.getEncoder().encodeToString(kek)),
                Map.entry("PORTCULLIS_OAUTH_REVOCATION_REFRESH_INTERVAL", "PT1S"),
                // Short-lived access tokens, so that the SDK journey's refresh follows an expiry within seconds (long
                // enough for the refresh race's checks, under load), and expired means expired (/mcp's default clock
                // skew is 30 s).
                Map.entry("PORTCULLIS_OAUTH_ACCESS_TOKEN_LIFETIME", ACCESS_TOKEN_LIFETIME.toString()),
                Map.entry("PORTCULLIS_TOKEN_CLOCK_SKEW", "1s"),
                // A legacy GET stream whose client went away ends at the next keep-alive: its access log line follows.
                Map.entry("PORTCULLIS_MCP_KEEP_ALIVE_SECONDS", "1"),
                Map.entry("PORTCULLIS_LOG_ACCESS", "true"));
        for (ClusterNode node : nodes) {
            node.create();
        }
        nodes.get(0).start(environment);
        Path keys = nodes.get(0).ltpaKeys();
        Files.createDirectories(nodes.get(1).ltpaKeys().getParent());
        Files.copy(keys, nodes.get(1).ltpaKeys(), StandardCopyOption.REPLACE_EXISTING);
        nodes.get(1).start(environment);
        balancer.start(nodes);
        return this;
    }

    URI url(String path) {
        return URI.create("https://localhost:" + balancer.port() + path);
    }

    List<ClusterNode> nodes() {
        return nodes;
    }

    Balancer balancer() {
        return balancer;
    }

    PostgresServer database() {
        return database;
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        for (AutoCloseable part : new AutoCloseable[] {
            balancer, nodes.size() > 1 ? nodes.get(1) : null, nodes.isEmpty() ? null : nodes.get(0), database
        }) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
