package it.dev.portcullis.e2e;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import it.dev.portcullis.support.AppServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Serves the CIMD client's metadata document over HTTPS on localhost, with the server's own key, so the
 * server (configured to trust that certificate and to let this host:port past its SSRF guard) can fetch it.
 * Public for the console's CIMD test ({@code it.dev.portcullis.oauth.ConsoleCimdClientIT}).
 */
public final class MetadataDocumentServer implements AutoCloseable {

    private final HttpsServer server;
    private final URI url;
    private final AtomicInteger fetches = new AtomicInteger();
    private final ExecutorService executor;

    MetadataDocumentServer(AppServer appServer, int port) throws IOException, GeneralSecurityException {
        this(appServer, port, "portcullis-e2e");
    }

    /** Serves the document at {@code /clients/<name>-<now in ms>.json}. */
    public MetadataDocumentServer(AppServer appServer, int port, String name)
            throws IOException, GeneralSecurityException {
        // A new client_id per run: a document URL the server already knows would find alice's remembered consent.
        url = URI.create("https://localhost:" + port + "/clients/" + name + "-" + System.currentTimeMillis() + ".json");
        server = HttpsServer.create(new InetSocketAddress("localhost", port), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls(appServer)));
        server.createContext(url.getPath(), exchange -> {
            fetches.incrementAndGet();
            byte[] body = document().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            // One request per connection: the JDK server's TLS keep-alive handling is not what is under test.
            exchange.getResponseHeaders().set("Connection", "close");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        // Not the default (the dispatcher thread itself): one slow TLS handshake there would stall every fetch.
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.start();
    }

    /** The document's URL: the client's client_id. */
    public URI url() {
        return url;
    }

    public int fetches() {
        return fetches.get();
    }

    /** A public client; a loopback redirect URI matches on any port, so the client's ephemeral listener fits. */
    private String document() {
        return """
                {"client_id":"%s","client_name":"Portcullis e2e CIMD client",
                 "redirect_uris":["http://127.0.0.1/callback"],"grant_types":["authorization_code","refresh_token"],
                 "response_types":["code"],"token_endpoint_auth_method":"none"}""".formatted(url);
    }

    private static SSLContext tls(AppServer appServer) throws IOException, GeneralSecurityException {
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(appServer.keystore())) {
            keystore.load(in, appServer.keystorePassword());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keystore, appServer.keystorePassword());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
