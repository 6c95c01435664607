package it.dev.portcullis.idp;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import dev.portcullis.mcp.api.AccessTokens;
import dev.portcullis.mcp.outbound.OutboundCredentials;
import dev.portcullis.mcp.outbound.PresentedToken;
import dev.portcullis.mcp.outbound.PresentingCaller;
import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.LibertyServer;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Outbound credentials (src/docs/outbound.md) against a real Keycloak as the downstream API's authorization
 * server: client credentials with {@code client_secret_basic} and {@code client_secret_post}, and standard token
 * exchange V2 (RFC 8693) for alice and bob. Token requests go through {@link CountingTokenProxy}, which counts them.
 */
class DownstreamCredentialsIT {

    private static Keycloak keycloak;
    private static SSLSocketFactory previousDefault;
    private CountingTokenProxy proxy;
    private final Map<String, String> config = new HashMap<>();
    private final MovedClock clock = new MovedClock();

    @BeforeAll
    static void keycloak() throws Exception {
        keycloak = Keycloak.shared();
        // Metadata discovery (Nimbus's HTTPRequest) must trust Keycloak's certificate, the product server's.
        previousDefault = HTTPRequest.getDefaultSSLSocketFactory();
        HTTPRequest.setDefaultSSLSocketFactory(
                Https.trustingServer(LibertyServer.current()).getSocketFactory());
    }

    @AfterAll
    static void restore() {
        HTTPRequest.setDefaultSSLSocketFactory(previousDefault);
    }

    @BeforeEach
    void proxy() throws Exception {
        proxy = new CountingTokenProxy(URI.create(keycloak.tokenEndpoint()));
        put("mode", "client-credentials");
        put("url", "https://erp.example");
        put("token-endpoint", proxy.tokenEndpoint());
        put("client-id", "downstream-exchanger");
        put("client-secret", keycloak.agentSecret());
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    @Test
    void clientSecretBasicGetsOneKeycloakTokenForManyConcurrentCallers() throws Exception {
        AccessTokens erp = tokens();

        List<String> values = concurrently(12, erp::current);

        assertThat(Set.copyOf(values)).hasSize(1);
        assertThat(proxy.count())
                .as("token requests at Keycloak for 12 concurrent callers")
                .isEqualTo(1);
        assertThat(form(proxy.bodies.get(0))).doesNotContainKey("client_secret");
        JsonObject claims = claims(values.get(0));
        assertThat(claims.getString("azp")).isEqualTo("downstream-exchanger");
        assertThat(claims.getString("iss")).isEqualTo(keycloak.issuer());
    }

    @Test
    void clientSecretPostIsAcceptedByKeycloakAndARejectedTokenIsFetchedAgainOnce() throws Exception {
        put("auth-method", "client_secret_post");
        AccessTokens erp = tokens();

        String first = erp.current();
        assertThat(form(proxy.bodies.get(0)))
                .containsEntry("client_id", "downstream-exchanger")
                .containsKey("client_secret");
        assertThat(erp.current()).isEqualTo(first);
        erp.rejected(first);
        String second = erp.current();

        assertThat(second).isNotEqualTo(first);
        assertThat(proxy.count())
                .as("one request, one re-fetch after the rejection")
                .isEqualTo(2);
    }

    /**
     * Only the issuer given: the token endpoint comes from Keycloak's metadata (OpenID Connect Discovery, then
     * RFC 8414), and the token is Keycloak's.
     */
    @Test
    void theTokenEndpointIsDiscoveredFromTheIssuersMetadata() throws Exception {
        config.remove("portcullis.downstream.erp.token-endpoint");
        put("issuer", keycloak.issuer());
        AccessTokens erp = tokens();

        String token = erp.current();

        assertThat(claims(token).getString("iss")).isEqualTo(keycloak.issuer());
        assertThat(claims(token).getString("azp")).isEqualTo("downstream-exchanger");
        assertThat(proxy.count())
                .as("the discovered endpoint is Keycloak's own, not the proxy")
                .isZero();
    }

    /**
     * Keycloak issues this client 4-second tokens: reused for half that, then renewed before they expire. The test
     * moves the credentials' clock 2.5 s on instead of sleeping; Keycloak's clock and the tokens' {@code exp} stay real.
     */
    @Test
    void aShortLivedKeycloakTokenIsReusedThenRenewedBeforeItExpires() throws Exception {
        put("client-id", "downstream-short");
        AccessTokens erp = tokens();

        String first = erp.current();
        assertThat(claims(first).getJsonNumber("exp").longValue()
                        - claims(first).getJsonNumber("iat").longValue())
                .as("Keycloak's lifetime for downstream-short")
                .isEqualTo(4);
        assertThat(erp.current()).isEqualTo(first);
        clock.advance(Duration.ofMillis(2_500));
        String renewed = erp.current();

        assertThat(renewed).isNotEqualTo(first);
        assertThat(claims(first).getJsonNumber("exp").longValue() * 1000)
                .as("renewed while the first was still valid")
                .isGreaterThan(System.currentTimeMillis());
        assertThat(proxy.count()).isEqualTo(2);
    }

    @Test
    void tokenExchangeActsForAliceAndBobWithTokensOfTheirOwnNeverTheirPresentedOnes() throws Exception {
        put("mode", "token-exchange");
        put("issuer", keycloak.issuer());
        AccessTokens erp = tokens();
        String alice = userToken("alice");
        String bob = userToken("bob");

        String forAlice = erp.onBehalfOf(caller("alice", alice));
        String forBob = erp.onBehalfOf(caller("bob", bob));
        List<String> again = concurrently(6, () -> erp.onBehalfOf(caller("alice", alice)));

        assertThat(claims(forAlice).getString("preferred_username")).isEqualTo("alice");
        assertThat(claims(forBob).getString("preferred_username")).isEqualTo("bob");
        assertThat(claims(forAlice).getString("azp"))
                .as("issued to the exchanger")
                .isEqualTo("downstream-exchanger");
        assertThat(forAlice).doesNotContain(alice);
        assertThat(forBob).doesNotContain(bob);
        assertThat(Set.copyOf(again)).containsExactly(forAlice);
        assertThat(proxy.count())
                .as("one exchange per user; alice's token cached")
                .isEqualTo(2);
        Map<String, String> exchange = form(proxy.bodies.get(0));
        assertThat(exchange)
                .containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange")
                .containsEntry("subject_token", alice)
                .containsEntry("subject_token_type", "urn:ietf:params:oauth:token-type:access_token");
    }

    private AccessTokens tokens() {
        return OutboundCredentials.create("erp", key -> Optional.ofNullable(config.get(key)), clock);
    }

    private void put(String key, String value) {
        config.put("portcullis.downstream.erp." + key, value);
    }

    /** A user's Keycloak access token (password grant of the test-only mcp-user-app; audience downstream-exchanger). */
    private static String userToken(String user) throws Exception {
        String basic = Base64.getEncoder()
                .encodeToString(("mcp-user-app:" + keycloak.agentSecret()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = Https.client()
                .send(
                        HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint()))
                                .header("Authorization", "Basic " + basic)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "grant_type=password&username=" + user + "&password=" + user + "-password"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return McpClientJourney.json(response.body()).getString("access_token");
    }

    /** The MCP caller as the resource server builds it: a name and the token it presented. */
    private static PresentingCaller caller(String name, String token) {
        return new PresentingCaller() {
            @Override
            public PresentedToken presentedToken() {
                return PresentedToken.of(token);
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<String> groups() {
                return Set.of();
            }

            @Override
            public Set<String> scopes() {
                return Set.of();
            }

            @Override
            public Optional<Object> claim(String claim) {
                return claim.equals("iss") ? Optional.of(keycloak.issuer()) : Optional.empty();
            }

            @Override
            public boolean isInRole(String role) {
                return false;
            }
        };
    }

    private static List<String> concurrently(int n, Callable<String> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            List<String> values = new ArrayList<>();
            for (Future<String> future : futures) {
                values.add(future.get());
            }
            return values;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The JWT payload of a {@code Bearer …} header value. */
    private static JsonObject claims(String header) {
        String jwt = header.substring("Bearer ".length());
        return McpClientJourney.json(
                new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return form;
    }

    /** The system clock plus an offset the test moves (a new one per test, as JUnit makes a new instance). */
    private static final class MovedClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), offset);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
