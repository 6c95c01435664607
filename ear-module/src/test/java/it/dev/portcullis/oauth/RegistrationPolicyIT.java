package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.LibertyServer;
import jakarta.json.JsonObject;
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
 * through a server.xml variable; with it, machine (client_credentials) clients, whose scopes stay within the
 * operator's {@code portcullis.oauth.registration.machine-client-scopes}.
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
                + INITIAL_ACCESS_TOKEN + "\"/><variable name=\"portcullis.oauth.registration.machine-client-scopes\""
                + " value=\"pets:read\"/></server>");
        JsonObject machine;
        try {
            awaitStatus(null, 401);
            HttpResponse<String> wrong = api.register(ClientRegistrationIT.client("https://a.example/cb"), "wrong", "application/json");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(RegistrationApi.json(wrong).getString("error")).isEqualTo("invalid_token");
            assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(api.register(ClientRegistrationIT.client("https://a.example/cb"), INITIAL_ACCESS_TOKEN, "application/json")
                    .statusCode()).isEqualTo(201);

            // A machine client needs the initial access token, and gets its scopes only within the operator's allowlist.
            HttpResponse<String> registered = api.register(MACHINE_CLIENT, INITIAL_ACCESS_TOKEN, "application/json");
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            machine = RegistrationApi.json(registered);
            HttpResponse<String> token = machineToken(machine, null);
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            assertThat(RegistrationApi.json(token).getString("scope")).isEqualTo("pets:read");
            TokenEndpointIT.assertError(machineToken(machine, "pets:write"), 400, "invalid_scope");
        } finally {
            Files.deleteIfExists(dropin);
        }
        awaitStatus(null, 201);
        TokenEndpointIT.assertError(machineToken(machine, null), 400, "invalid_scope");
        HttpResponse<String> anonymous = api.register(MACHINE_CLIENT);
        assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(400);
        assertThat(RegistrationApi.json(anonymous).getString("error")).isEqualTo("invalid_client_metadata");
    }

    private static final String MACHINE_CLIENT = "{\"client_name\":\"it machine\",\"grant_types\":[\"client_credentials\"],"
            + "\"token_endpoint_auth_method\":\"client_secret_basic\",\"scope\":\"pets:read pets:write\"}";

    private HttpResponse<String> machineToken(JsonObject client, String scope) throws Exception {
        TokenApi tokens = new TokenApi(server);
        return scope == null
                ? tokens.token(TokenApi.form("grant_type", "client_credentials"), client.getString("client_id"),
                        client.getString("client_secret"))
                : tokens.token(TokenApi.form("grant_type", "client_credentials", "scope", scope),
                        client.getString("client_id"), client.getString("client_secret"));
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
