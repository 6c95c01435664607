package it.dev.portcullis.oauth;

import static it.dev.portcullis.oauth.TokenApi.form;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.FromAddress;
import it.dev.portcullis.support.LibertyServer;
import it.dev.portcullis.support.MachineClientsFixture;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Wrong client secrets back off per client and caller address: after five failures from one address, that
 * address waits (429 with Retry-After and {@code invalid_client}, no PBKDF2) before its next attempt for that
 * client, while the same client from another address, and other clients from the same address, are served as
 * ever; after the short wait the right secret works from the throttled address too. The "attacker" calls from a
 * loopback address of its own.
 */
class ClientAuthenticationThrottleIT {

    /** portcullis.oauth.client-auth.failures-before-backoff (default). */
    private static final int FAILURES_BEFORE_BACKOFF = 5;

    private final LibertyServer server = LibertyServer.current();
    private final TokenApi api = new TokenApi(server);

    @Test
    void tokenWhenOneAddressSendsWrongSecretsThenThatAddressBacksOffButNoClientIsLockedOut() throws Exception {
        // Machine clients of their own: a client another test authenticated recently would pass the throttle by the
        // verified-secret cache, as it should.
        JsonObject victim = TokenApi.credentials(MachineClientsFixture.THROTTLE_VICTIM);
        JsonObject neighbour = TokenApi.credentials(MachineClientsFixture.THROTTLE_NEIGHBOUR);
        String victimId = victim.getString("client_id");
        String victimSecret = victim.getString("client_secret");
        FromAddress attacker = FromAddress.randomLoopback(server);

        for (int i = 0; i < FAILURES_BEFORE_BACKOFF; i++) {
            FromAddress.Answer wrong = clientCredentials(attacker, victimId, "wrong-secret-" + i);
            assertThat(wrong.status()).as(errorOf(wrong)).isEqualTo(401);
        }
        FromAddress.Answer throttled = clientCredentials(attacker, victimId, victimSecret);

        assertThat(throttled.status())
                .as(
                        "the attempt after %d wrong secrets from %s: %s",
                        FAILURES_BEFORE_BACKOFF, attacker.address(), errorOf(throttled))
                .isEqualTo(429);
        assertThat(throttled.body()).contains("\"error\":\"invalid_client\"");
        long retryAfter = Long.parseLong(throttled.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 10L);
        assertThat(throttled.header("Cache-Control")).hasValue("no-store");
        FromAddress.Answer neighbourFromAttacker =
                clientCredentials(attacker, neighbour.getString("client_id"), neighbour.getString("client_secret"));
        assertThat(neighbourFromAttacker.status())
                .as("another client from the throttled address")
                .isEqualTo(200);
        HttpResponse<String> victimElsewhere =
                api.token(form("grant_type", "client_credentials"), victimId, victimSecret);
        assertThat(victimElsewhere.statusCode())
                .as("the client from its own address")
                .isEqualTo(200);

        Thread.sleep(retryAfter * 1000 + 200);
        FromAddress.Answer afterBackoff = clientCredentials(attacker, victimId, victimSecret);
        assertThat(afterBackoff.status())
                .as("the right secret after the backoff: " + errorOf(afterBackoff))
                .isEqualTo(200);
    }

    /** The OAuth error of an answer, never its body: a success carries an access token, which a report must not show. */
    private static String errorOf(FromAddress.Answer answer) {
        java.util.regex.Matcher error =
                java.util.regex.Pattern.compile("\"error\":\"([a-z_]+)\"").matcher(answer.body());
        return error.find() ? "error " + error.group(1) : "no error (HTTP " + answer.status() + ")";
    }

    private static FromAddress.Answer clientCredentials(FromAddress from, String clientId, String secret)
            throws Exception {
        return from.post(
                "/oauth/token",
                "application/x-www-form-urlencoded",
                "grant_type=client_credentials",
                TokenApi.basic(clientId, secret));
    }
}
