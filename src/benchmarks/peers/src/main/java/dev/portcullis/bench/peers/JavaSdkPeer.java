package dev.portcullis.bench.peers;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.DispatcherType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code java dev.portcullis.bench.peers.JavaSdkPeer <port> <pkcs12> <jwks.json> <issuer> <audience>}, with the
 * keystore's password in the environment variable {@code PEER_KEYSTORE_PASSWORD}:
 * the Java SDK's {@link HttpServletStatelessServerTransport} on Jetty 12, HTTPS only (HTTP/1.1, keep-alive, the
 * given key and certificate), loopback only, twice: open at {@code /mcp}, and at {@code /auth/mcp} behind
 * {@link BearerJwtFilter}. The SDK's defaults are kept (its JSON mapper, its tool-input validation), as a user of it
 * would have them. Prints {@code READY} once it listens.
 */
public final class JavaSdkPeer {

    private JavaSdkPeer() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        HttpServletStatelessServerTransport open = echoServer("/mcp");
        HttpServletStatelessServerTransport guarded = echoServer("/auth/mcp");

        QueuedThreadPool threads = new QueuedThreadPool(200);
        threads.setName("peer");
        Server server = new Server(threads);
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(args[1]);
        tls.setKeyStorePassword(System.getenv("PEER_KEYSTORE_PASSWORD"));
        tls.setKeyStoreType("PKCS12");
        HttpConfiguration http = new HttpConfiguration();
        http.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector connector =
                new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(open), "/mcp");
        context.addServlet(new ServletHolder(guarded), "/auth/mcp");
        context.addFilter(
                new FilterHolder(new BearerJwtFilter(Files.readString(Path.of(args[2])), args[3], args[4])),
                "/auth/mcp",
                EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
        server.start();
        System.out.println("READY");
        server.join();
    }

    /** A stateless MCP server with the one {@code echo} tool, on a transport of its own at {@code path}. */
    private static HttpServletStatelessServerTransport echoServer(String path) {
        HttpServletStatelessServerTransport transport = HttpServletStatelessServerTransport.builder()
                .messageEndpoint(path)
                .build();
        McpSchema.Tool echo = McpSchema.Tool.builder(
                        "echo",
                        Map.of(
                                "type",
                                "object",
                                "properties",
                                Map.of("text", Map.of("type", "string")),
                                "required",
                                List.of("text")))
                .description("Echoes its text")
                .build();
        McpServer.sync(transport)
                .serverInfo("java-sdk-peer", "1")
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(McpStatelessServerFeatures.SyncToolSpecification.builder()
                        .tool(echo)
                        .callHandler((context, request) -> McpSchema.CallToolResult.builder()
                                .addTextContent(
                                        String.valueOf(request.arguments().get("text")))
                                .build())
                        .build())
                .build();
        return transport;
    }
}
