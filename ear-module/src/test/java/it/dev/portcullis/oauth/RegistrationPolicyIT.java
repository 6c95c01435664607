package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.LibertyServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who may register: the per-client-software rate limit (lowered to {@value #LIMIT} per minute for the test server
 * in ear-module/pom.xml), and closed registration with an initial access token, switched on and off at run time
 * through a server.xml variable.
 */
class RegistrationPolicyIT {

    /** portcullis.oauth.registration.rate-limit on the test server. */
    static final int LIMIT = 5;
    private static final String INITIAL_ACCESS_TOKEN = "it-initial-access-token";

    private final LibertyServer server = LibertyServer.current();
    private final RegistrationApi api = new RegistrationApi(server);

    @Test
    void registerWhenOneSoftwareExceedsLimitThen429ButOtherSoftwareFromSameAddressStillRegisters() throws Exception {
        String software = "{\"software_id\":\"" + UUID.randomUUID() + "\",\"client_name\":\"%s\","
                + "\"redirect_uris\":[\"https://app.example/cb\"],\"token_endpoint_auth_method\":\"none\"}";
        for (int i = 0; i < LIMIT; i++) {
            assertThat(api.register(software.formatted("instance " + i)).statusCode()).isEqualTo(201);
        }

        HttpResponse<String> throttled = api.register(software.formatted("one too many"));

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(throttled.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(RegistrationApi.json(throttled).getString("error")).isEqualTo("temporarily_unavailable");
        assertThat(api.register(ClientRegistrationIT.client("https://other.example/cb")).statusCode()).isEqualTo(201);
    }

    @Test
    void registerWhenInitialAccessTokenConfiguredThenOnlyItsHoldersRegisterAndOpenAgainAfterwards() throws Exception {
        Path dropin = server.directory().resolve("configDropins/overrides/it-initial-access-token.xml");
        Files.createDirectories(dropin.getParent());
        Files.writeString(dropin, "<server><variable name=\"portcullis.oauth.registration.initial-access-token\" value=\""
                + INITIAL_ACCESS_TOKEN + "\"/></server>");
        try {
            awaitStatus(null, 401);
            HttpResponse<String> wrong = api.register(ClientRegistrationIT.client("https://a.example/cb"), "wrong", "application/json");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(RegistrationApi.json(wrong).getString("error")).isEqualTo("invalid_token");
            assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(api.register(ClientRegistrationIT.client("https://a.example/cb"), INITIAL_ACCESS_TOKEN, "application/json")
                    .statusCode()).isEqualTo(201);
        } finally {
            Files.deleteIfExists(dropin);
        }
        awaitStatus(null, 201);
    }

    /** Polls until an unauthenticated registration gets {@code status}: Liberty applies config changes within seconds. */
    private void awaitStatus(String bearer, int status) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        int last = -1;
        while (Instant.now().isBefore(deadline)) {
            last = api.register(ClientRegistrationIT.client("https://a.example/cb"), bearer, "application/json").statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("registration still answered " + last + ", expected " + status);
    }
}
