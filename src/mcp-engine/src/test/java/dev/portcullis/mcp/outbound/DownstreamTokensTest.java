package dev.portcullis.mcp.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.mcp.api.DownstreamException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Client credentials and the token cache against a real loopback token endpoint. */
class DownstreamTokensTest {

    private LoopbackTokenServer server;
    private final Map<String, String> config = new HashMap<>();
    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackTokenServer();
        put("mode", "client-credentials");
        put("url", "https://erp.example");
        put("token-endpoint", server.origin() + "/token");
        put("client-id", "portcullis");
        put("client-secret", "s3cret-value");
        put("retry-backoff", "PT0.01S");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void clientSecretBasicSendsTheSecretInTheHeaderOnly() {
        assertThat(tokens().current()).isEqualTo("Bearer t1");

        LoopbackTokenServer.Seen seen = server.requests.get(0);
        assertThat(seen.authorization()).startsWith("Basic ");
        assertThat(form(seen.body()))
                .containsEntry("grant_type", "client_credentials")
                .doesNotContainKey("client_secret");
    }

    @Test
    void clientSecretPostSendsTheSecretInTheBodyWithScopeAndResource() {
        put("auth-method", "client_secret_post");
        put("scope", "erp:read erp:write");
        put("resource", "https://erp.example/api");

        tokens().current();

        LoopbackTokenServer.Seen seen = server.requests.get(0);
        assertThat(seen.authorization()).isNull();
        assertThat(form(seen.body()))
                .containsEntry("client_id", "portcullis")
                .containsEntry("client_secret", "s3cret-value")
                .containsEntry("scope", "erp:read erp:write")
                .containsEntry("resource", "https://erp.example/api");
    }

    @Test
    void concurrentCallersShareOneTokenRequest() throws Exception {
        server.delayMillis = 300;
        DownstreamTokens tokens = tokens();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(pool.submit((Callable<String>) tokens::current));
            }
            for (Future<String> call : calls) {
                assertThat(call.get()).isEqualTo("Bearer t1");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.served.get())
                .as("token requests for 16 concurrent callers")
                .isEqualTo(1);
    }

    @Test
    void aTokenIsReusedUntilShortlyBeforeItExpiresThenRenewed() {
        server.script = n -> LoopbackTokenServer.token("t" + n, 60);
        DownstreamTokens tokens = tokens();
        assertThat(tokens.current()).isEqualTo("Bearer t1");
        clock.advance(Duration.ofSeconds(29));
        assertThat(tokens.current())
                .as("within its lifetime less refresh-before (PT30S)")
                .isEqualTo("Bearer t1");
        clock.advance(Duration.ofSeconds(2));
        assertThat(tokens.current()).as("renewed 30 s before expiry").isEqualTo("Bearer t2");
    }

    @Test
    void aShortLivedTokenIsRenewedAtHalfItsLifetime() {
        server.script = n -> LoopbackTokenServer.token("t" + n, 4);
        DownstreamTokens tokens = tokens();
        assertThat(tokens.current()).isEqualTo("Bearer t1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.current()).isEqualTo("Bearer t1");
        clock.advance(Duration.ofSeconds(2));
        assertThat(tokens.current()).isEqualTo("Bearer t2");
    }

    @Test
    void aRejectedTokenIsDroppedAndTheNextCallFetchesAnother() {
        DownstreamTokens tokens = tokens();
        String first = tokens.current();
        tokens.rejected(first);
        assertThat(tokens.current()).isEqualTo("Bearer t2");
        assertThat(server.served.get()).isEqualTo(2);
    }

    @Test
    void serverErrorsAreRetriedWithBackoff() {
        server.script =
                n -> n < 3 ? new LoopbackTokenServer.Answer(503, "{}") : LoopbackTokenServer.token("t" + n, 300);
        assertThat(tokens().current()).isEqualTo("Bearer t3");
        assertThat(server.served.get()).isEqualTo(3);
    }

    @Test
    void persistentServerErrorsGiveASafeToolError() {
        server.script = n -> new LoopbackTokenServer.Answer(500, "{}");
        assertThatThrownBy(() -> tokens().current())
                .isInstanceOf(DownstreamException.class)
                .hasMessage("No access token for the downstream API 'erp': its authorization server failed.")
                .satisfies(e ->
                        assertThat(((DownstreamException) e).reason()).isEqualTo("token_endpoint_failed:HTTP 500"));
        assertThat(server.served.get()).as("the first try and retries=2").isEqualTo(3);
    }

    @Test
    void aRefusalNamesTheErrorCodeButNeitherTheSecretNorTheDescription() {
        server.script = n -> new LoopbackTokenServer.Answer(
                401, "{\"error\":\"invalid_client\",\"error_description\":\"bad secret s3cret-value\"}");
        assertThatThrownBy(() -> tokens().current())
                .isInstanceOf(DownstreamException.class)
                .hasMessage("No access token for the downstream API 'erp': its authorization server refused the token "
                        + "request (invalid_client).")
                .hasMessageNotContaining("s3cret")
                .satisfies(e -> {
                    // what the audit trail records (downstream.token.failed): the name and the code, no free text
                    assertThat(((DownstreamException) e).downstream()).isEqualTo("erp");
                    assertThat(((DownstreamException) e).reason()).isEqualTo("token_refused:invalid_client");
                });
        assertThat(server.served.get()).as("OAuth errors are not retried").isEqualTo(1);
    }

    @Test
    void staticModeSendsTheConfiguredTokenAsBearerOrInTheConfiguredHeader() {
        put("mode", "static");
        put("token", "api-key-1");
        assertThat(tokens().current()).isEqualTo("Bearer api-key-1");
        put("header", "X-API-Key");
        DownstreamTokens keyed = tokens();
        assertThat(keyed.headerName()).isEqualTo("X-API-Key");
        assertThat(keyed.current()).isEqualTo("api-key-1");
        assertThat(server.served.get()).isZero();
    }

    @Test
    void tokenExchangeIsRefusedAtStartWhenTheIssuerDoesNotOfferIt() {
        put("mode", "token-exchange");
        config.remove(DownstreamSettings.PREFIX + "erp.token-endpoint");
        put("issuer", server.origin());
        server.metadata = "{\"issuer\":\"" + server.origin() + "\",\"token_endpoint\":\"" + server.origin()
                + "/token\",\"authorization_endpoint\":\"" + server.origin() + "/auth\",\"jwks_uri\":\""
                + server.origin()
                + "/jwks\",\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"grant_types_supported\":[\"authorization_code\",\"client_credentials\"]}";
        assertThatThrownBy(this::tokens)
                .isInstanceOf(DownstreamConfigurationException.class)
                .hasMessageContaining("portcullis.downstream.erp.mode is token-exchange")
                .hasMessageContaining("does not list the grant urn:ietf:params:oauth:grant-type:token-exchange");

        server.metadata = server.metadata.replace(
                "\"client_credentials\"]",
                "\"client_credentials\",\"urn:ietf:params:oauth:grant-type:token-exchange\"]");
        assertThat(tokens().name()).as("offered: accepted, endpoint discovered").isEqualTo("erp");
    }

    @Test
    void configurationErrorsNameTheKeyNeverTheValue() {
        config.remove(DownstreamSettings.PREFIX + "erp.client-secret");
        assertThatThrownBy(this::tokens).hasMessage("portcullis.downstream.erp.client-secret is not set");
        put("client-secret", "s3cret-value");
        put("token-endpoint", "http://idp.example/token");
        assertThatThrownBy(this::tokens)
                .hasMessage(
                        "portcullis.downstream.erp.token-endpoint must use https (http only " + "on a loopback host)");
        put("token-endpoint", server.origin() + "/token");
        put("retries", "many");
        assertThatThrownBy(this::tokens).hasMessage("portcullis.downstream.erp.retries must be 0 to 10");
        put("retries", "2");
        put("mode", "magic");
        assertThatThrownBy(this::tokens).hasMessageNotContaining("s3cret");
    }

    private DownstreamTokens tokens() {
        return DownstreamTokens.create(
                DownstreamSettings.read(key -> Optional.ofNullable(config.get(key)), "erp"), clock);
    }

    private void put(String key, String value) {
        config.put(DownstreamSettings.PREFIX + "erp." + key, value);
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

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-06T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
