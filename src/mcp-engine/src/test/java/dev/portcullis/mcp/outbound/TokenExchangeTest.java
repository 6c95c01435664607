package dev.portcullis.mcp.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.mcp.api.Caller;
import dev.portcullis.mcp.api.DownstreamException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 8693 exchange against a real loopback token endpoint: per-caller cache, no passthrough. */
class TokenExchangeTest {

    private LoopbackTokenServer server;
    private final Map<String, String> config = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackTokenServer();
        server.metadata = "{\"issuer\":\"" + server.origin() + "\",\"token_endpoint\":\"" + server.origin()
                + "/token\",\"authorization_endpoint\":\"" + server.origin() + "/auth\",\"jwks_uri\":\""
                + server.origin()
                + "/jwks\",\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"grant_types_supported\":[\"urn:ietf:params:oauth:grant-type:token-exchange\"]}";
        put("mode", "token-exchange");
        put("url", "https://erp.example");
        put("issuer", server.origin());
        put("client-id", "portcullis");
        put("client-secret", "s3cret-value");
        put("audience", "erp-api");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void eachCallerGetsAnExchangedTokenCachedPerCallerAndTheSubjectTokenGoesOnlyToTheTokenEndpoint() {
        DownstreamTokens tokens = tokens();

        String alice = tokens.onBehalfOf(caller("alice", "alice-mcp-token"));
        String bob = tokens.onBehalfOf(caller("bob", "bob-mcp-token"));
        String aliceAgain = tokens.onBehalfOf(caller("alice", "alice-mcp-token"));

        assertThat(alice).isEqualTo("Bearer t1").isEqualTo(aliceAgain);
        assertThat(bob).isEqualTo("Bearer t2");
        assertThat(server.served.get()).isEqualTo(2);
        Map<String, String> first = form(server.requests.get(0).body());
        assertThat(first)
                .containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange")
                .containsEntry("subject_token", "alice-mcp-token")
                .containsEntry("subject_token_type", "urn:ietf:params:oauth:token-type:access_token")
                .containsEntry("requested_token_type", "urn:ietf:params:oauth:token-type:access_token")
                .containsEntry("audience", "erp-api");
    }

    @Test
    void anAuthorizationServerThatAnswersWithTheSubjectTokenIsRefusedNotForwarded() {
        server.script = n -> LoopbackTokenServer.token("alice-mcp-token", 300);

        assertThatThrownBy(() -> tokens().onBehalfOf(caller("alice", "alice-mcp-token")))
                .isInstanceOf(DownstreamException.class)
                .hasMessage(
                        "The authorization server of the downstream API 'erp' returned the caller's own token; it is "
                                + "not forwarded.");
    }

    @Test
    void aCallerWithoutAPresentedTokenCannotBeActedFor() {
        assertThatThrownBy(() -> tokens().onBehalfOf(Caller.ANONYMOUS))
                .isInstanceOf(DownstreamException.class)
                .hasMessage("The downstream API 'erp' needs a signed-in caller.");
        assertThatThrownBy(() -> tokens().current())
                .isInstanceOf(DownstreamException.class)
                .hasMessage("The downstream API 'erp' is called on behalf of the user only.");
        assertThat(server.served.get()).isZero();
    }

    private DownstreamTokens tokens() {
        return DownstreamTokens.create(
                DownstreamSettings.read(key -> Optional.ofNullable(config.get(key)), "erp"), Clock.systemUTC());
    }

    private void put(String key, String value) {
        config.put(DownstreamSettings.PREFIX + "erp." + key, value);
    }

    private PresentingCaller caller(String name, String token) {
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
                return claim.equals("iss") ? Optional.of("https://issuer.example") : Optional.empty();
            }

            @Override
            public boolean isInRole(String role) {
                return false;
            }
        };
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
}
