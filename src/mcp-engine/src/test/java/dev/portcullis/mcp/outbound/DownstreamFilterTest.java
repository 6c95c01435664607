package dev.portcullis.mcp.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.portcullis.mcp.api.DownstreamException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code @Downstream} client's filter in a real JAX-RS client (Jersey) against a real loopback downstream and
 * token endpoint: the header for the configured origin only, one re-fetch and retry after a 401.
 */
class DownstreamFilterTest {

    private LoopbackTokenServer tokens;
    private Downstream downstream;
    private Downstream elsewhere;
    private Client client;

    @BeforeEach
    void start() throws Exception {
        tokens = new LoopbackTokenServer();
        downstream = new Downstream();
        elsewhere = new Downstream();
        Map<String, String> config = new HashMap<>();
        String prefix = DownstreamSettings.PREFIX + "erp.";
        config.put(prefix + "mode", "client-credentials");
        config.put(prefix + "url", downstream.origin());
        config.put(prefix + "token-endpoint", tokens.origin() + "/token");
        config.put(prefix + "client-id", "portcullis");
        config.put(prefix + "client-secret", "s3cret-value");
        DownstreamTokens erp = DownstreamTokens.create(
                DownstreamSettings.read(key -> Optional.ofNullable(config.get(key)), "erp"), Clock.systemUTC());
        client = ClientBuilder.newClient().register(new DownstreamFilter(erp, erp.url()));
    }

    @AfterEach
    void stop() {
        client.close();
        tokens.close();
        downstream.close();
        elsewhere.close();
    }

    @Test
    void aRequestToTheDownstreamCarriesItsTokenAndA401FetchesANewOneAndRetriesOnce() {
        downstream.revoked.add("Bearer t1");

        try (Response response =
                client.target(downstream.origin()).path("orders").request().post(Entity.json("{\"item\":1}"))) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.readEntity(String.class)).isEqualTo("saw Bearer t2 {\"item\":1}");
        }
        assertThat(downstream.authorizations).containsExactly("Bearer t1", "Bearer t2");
        assertThat(tokens.served.get()).isEqualTo(2);
    }

    @Test
    void aSecond401IsReturnedAsItIs() {
        downstream.rejectAll = true;

        try (Response response = client.target(downstream.origin()).request().get()) {
            assertThat(response.getStatus()).isEqualTo(401);
        }
        assertThat(downstream.authorizations).as("one retry, no loop").hasSize(2);
    }

    @Test
    void anotherOriginIsRefusedBeforeAnyTokenIsObtainedOrSent() {
        assertThatThrownBy(() -> client.target(elsewhere.origin()).request().get())
                .isInstanceOf(ProcessingException.class)
                .hasRootCauseInstanceOf(DownstreamException.class)
                .rootCause()
                .hasMessage("The client of the downstream API 'erp' only calls " + downstream.origin() + ".");
        assertThat(elsewhere.authorizations).isEmpty();
        assertThat(tokens.served.get()).isZero();
    }

    /** A downstream API on loopback: 401 to revoked header values, else 200 echoing the header and body. */
    private static final class Downstream implements AutoCloseable {
        final List<String> authorizations = new CopyOnWriteArrayList<>();
        final Set<String> revoked = ConcurrentHashMap.newKeySet();
        volatile boolean rejectAll;
        private final HttpServer server;

        Downstream() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", this::answer);
            server.start();
        }

        String origin() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void answer(HttpExchange exchange) throws IOException {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(String.valueOf(authorization));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean refused = rejectAll || authorization == null || revoked.contains(authorization);
            byte[] bytes = (refused ? "no" : "saw " + authorization + (body.isEmpty() ? "" : " " + body))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(refused ? 401 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
