package dev.portcullis.oauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.oauth.client.ClientResolver;
import dev.portcullis.oauth.client.RegisteredClient;
import dev.portcullis.oauth.registration.ClientRegistrationService;
import dev.portcullis.testing.ProductWar;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Not a test: {@code refresh_token} rotations per second, in-container, through {@link TokenFamilies#refresh} (the two
 * row locks, the rotation UPDATE, the new refresh token's INSERT, the ES256 signature, the commit) on Derby, without
 * HTTP, form parsing and client authentication (which {@code TokenBenchmarkIT} measures over HTTPS). The worker
 * threads are plain threads, so they call the EJB, which brings its own transaction. Runs only with
 * {@code -Dportcullis.benchmark=true}. Each thread rotates its own family, as independent users' clients do.
 */
@ExtendWith(ArquillianExtension.class)
@EnabledIfSystemProperty(named = "portcullis.benchmark", matches = "true")
class RefreshRotationBenchmarkArquillianIT {

    private static final Logger LOG = Logger.getLogger(RefreshRotationBenchmarkArquillianIT.class.getName());
    private static final int THREADS = 16;
    private static final int WARM_UP_PER_THREAD = 300;
    private static final int PER_THREAD = 500;

    @Deployment
    static WebArchive deployment() {
        return ProductWar.named("portcullis-rotation-bench.war").addClass(RefreshRotationBenchmarkArquillianIT.class);
    }

    @EJB
    private TokenFamilies families;

    @EJB
    private ClientRegistrationService registry;

    @Inject
    private ClientResolver resolver;

    @Test
    void refreshRotationsPerSecond() throws Exception {
        RegisteredClient client = resolver.resolve(registry.register(Json.createReader(new StringReader("{\"client_name\":\"bench "
                + UUID.randomUUID() + "\",\"token_endpoint_auth_method\":\"none\",\"redirect_uris\":[\"http://127.0.0.1/cb\"],"
                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"]}")).readValue()).clientId()).orElseThrow();
        run(client, WARM_UP_PER_THREAD);
        long start = System.nanoTime();
        run(client, PER_THREAD);
        double seconds = (System.nanoTime() - start) / 1e9;
        String line = String.format("%s | refresh_token rotations, in-container, %d families x %d | %.1f s | %.0f rotations/s",
                Instant.now(), THREADS, PER_THREAD, seconds, THREADS * PER_THREAD / seconds);
        LOG.info(line);
        System.out.println("BENCHMARK " + line);
    }

    private void run(RegisteredClient client, int perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            results.add(pool.submit(() -> {
                String refresh = families.start(client, new AuthorizedGrant(null, client.clientId(), "alice", List.of("mcp-users"),
                        List.of("pets:read"), "https://localhost:9443/mcp", Instant.now())).refreshToken();
                for (int i = 0; i < perThread; i++) {
                    refresh = families.refresh(client, refresh, Optional.empty(), List.of()).refreshToken();
                }
                return perThread;
            }));
        }
        int done = 0;
        for (Future<Integer> result : results) {
            done += result.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertEquals(THREADS * perThread, done);
    }
}
