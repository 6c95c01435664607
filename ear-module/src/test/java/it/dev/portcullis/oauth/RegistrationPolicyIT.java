package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.FromAddress;
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
 * Who may register: the per-address rate limit (lowered to {@value #LIMIT} per minute for one test through a
 * server.xml variable; registrations come from a loopback address of the test's own), and closed registration with an initial access token, switched on and off at run time
 * through a server.xml variable; with it, machine (client_credentials) clients, whose scopes stay within the
 * operator's {@code portcullis.oauth.registration.machine-client-scopes}.
 */
class RegistrationPolicyIT {

    /** portcullis.oauth.registration.rate-limit while the rate-limit test runs. */
    static final int LIMIT = 5;

    private static final String INITIAL_ACCESS_TOKEN = "it-initial-access-token";

    private final LibertyServer server = LibertyServer.current();
    private final RegistrationApi api = new RegistrationApi(server);

    /**
     * The limit counts per caller address, a key the caller cannot choose: a new software_id or client_name per
     * request does not escape it, and another address still registers.
     */
    @Test
    void registerWhenOneAddressExceedsLimitThen429WhateverSoftwareItClaimsButOtherAddressesStillRegister()
            throws Exception {
        FromAddress caller = FromAddress.randomLoopback(server);
        Path dropin = lowerLimit();
        try {
            for (int i = 0; i < LIMIT; i++) {
                FromAddress.Answer registered = caller.post("/oauth/register", "application/json", software(i), null);
                assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            }

            FromAddress.Answer throttled = caller.post("/oauth/register", "application/json", software(LIMIT), null);

            assertThat(throttled.status())
                    .as("a registration past the limit with a fresh software_id from " + caller.address())
                    .isEqualTo(429);
            assertThat(throttled.header("Retry-After")).isPresent();
            assertThat(throttled.header("Cache-Control")).hasValue("no-store");
            assertThat(throttled.body()).contains("temporarily_unavailable");
            FromAddress.Answer elsewhere =
                    FromAddress.randomLoopback(server).post("/oauth/register", "application/json", software(0), null);
            assertThat(elsewhere.status())
                    .as("the same software from another address")
                    .isEqualTo(201);
        } finally {
            Files.deleteIfExists(dropin);
            awaitLimitAbove(LIMIT); // the suite's other tests register from one address
        }
    }

    /** A different software_id and client_name each time: before, each was a rate-limit key of its own. */
    private static String software(int i) {
        return "{\"software_id\":\"" + UUID.randomUUID() + "\",\"client_name\":\""
                + RegistrationApi.uniqueName("rl " + i) + "\",\"redirect_uris\":[\"https://app" + i
                + ".example/cb\"],\"token_endpoint_auth_method\":\"none\"}";
    }

    /** Waits until a fresh address may register more than {@code limit} times (the dropin is gone). */
    private void awaitLimitAbove(int limit) throws Exception {
        String sameSoftware = software(-2);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            FromAddress probe = FromAddress.randomLoopback(server);
            int last = 0;
            for (int i = 0; i <= limit && last != 429; i++) {
                last = probe.post("/oauth/register", "application/json", sameSoftware, null)
                        .status();
            }
            if (last == 201) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the registration rate limit stayed at " + limit);
    }

    /** Lowers the limit to {@value #LIMIT} for this test only (the suite's other tests all register from one address). */
    private Path lowerLimit() throws Exception {
        Path dropin = server.directory().resolve("configDropins/overrides/it-registration-rate-limit.xml");
        Files.createDirectories(dropin.getParent());
        Files.writeString(
                dropin,
                "<server><variable name=\"portcullis.oauth.registration.rate-limit\" value=\"" + LIMIT
                        + "\"/></server>");
        FromAddress probe = FromAddress.randomLoopback(server);
        String sameSoftware = software(-1);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        // Liberty applies the dropin within seconds: wait until a fresh address is refused after LIMIT registrations.
        while (Instant.now().isBefore(deadline)) {
            int last = 0;
            for (int i = 0; i <= LIMIT && last != 429; i++) {
                last = probe.post("/oauth/register", "application/json", sameSoftware, null)
                        .status();
            }
            if (last == 429) {
                return dropin;
            }
            probe = FromAddress.randomLoopback(server);
            Thread.sleep(500);
        }
        throw new AssertionError("the lowered registration rate limit did not apply");
    }

    @Test
    void registerWhenInitialAccessTokenConfiguredThenOnlyItsHoldersRegisterAndOpenAgainAfterwards() throws Exception {
        Path dropin = server.directory().resolve("configDropins/overrides/it-initial-access-token.xml");
        Files.createDirectories(dropin.getParent());
        Files.writeString(
                dropin,
                "<server><variable name=\"portcullis.oauth.registration.initial-access-token\" value=\""
                        + INITIAL_ACCESS_TOKEN
                        + "\"/><variable name=\"portcullis.oauth.registration.machine-client-scopes\""
                        + " value=\"pets:read\"/></server>");
        JsonObject machine;
        try {
            awaitStatus(null, 401);
            HttpResponse<String> wrong =
                    api.register(ClientRegistrationIT.client("https://a.example/cb"), "wrong", "application/json");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(RegistrationApi.json(wrong).getString("error")).isEqualTo("invalid_token");
            assertThat(wrong.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(api.register(
                                    ClientRegistrationIT.client("https://a.example/cb"),
                                    INITIAL_ACCESS_TOKEN,
                                    "application/json")
                            .statusCode())
                    .isEqualTo(201);

            // A machine client needs the initial access token, and gets its scopes only within the operator's
            // allowlist.
            HttpResponse<String> registered = api.register(MACHINE_CLIENT, INITIAL_ACCESS_TOKEN, "application/json");
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            machine = RegistrationApi.json(registered);
            HttpResponse<String> token = machineToken(machine, null);
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            assertThat(RegistrationApi.json(token).getString("scope")).isEqualTo("pets:read");
            TokenEndpointIT.assertError(machineToken(machine, "pets:write"), 400, "invalid_scope");

            // Deleting a machine client (RFC 7592) ends the access tokens it already holds, at /mcp too.
            HttpResponse<String> second = machineToken(machine, null);
            String accessToken = RegistrationApi.json(second).getString("access_token");
            EndedAuthorizationIT.assertAcceptedAtMcp(server, accessToken);
            JsonObject doomed =
                    RegistrationApi.json(api.register(MACHINE_CLIENT, INITIAL_ACCESS_TOKEN, "application/json"));
            String doomedToken =
                    RegistrationApi.json(machineToken(doomed, null)).getString("access_token");
            assertThat(api.delete(doomed.getString("client_id"), doomed.getString("registration_access_token"))
                            .statusCode())
                    .isEqualTo(204);
            EndedAuthorizationIT.assertRefusedAtMcp(server, doomedToken);
            EndedAuthorizationIT.assertAcceptedAtMcp(server, accessToken);
        } finally {
            Files.deleteIfExists(dropin);
        }
        awaitStatus(null, 201);
        TokenEndpointIT.assertError(machineToken(machine, null), 400, "invalid_scope");
        HttpResponse<String> anonymous = api.register(MACHINE_CLIENT);
        assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(400);
        assertThat(RegistrationApi.json(anonymous).getString("error")).isEqualTo("invalid_client_metadata");
    }

    private static final String MACHINE_CLIENT =
            "{\"client_name\":\"it machine\",\"grant_types\":[\"client_credentials\"],"
                    + "\"token_endpoint_auth_method\":\"client_secret_basic\",\"scope\":\"pets:read pets:write\"}";

    private HttpResponse<String> machineToken(JsonObject client, String scope) throws Exception {
        TokenApi tokens = new TokenApi(server);
        return scope == null
                ? tokens.token(
                        TokenApi.form("grant_type", "client_credentials"),
                        client.getString("client_id"),
                        client.getString("client_secret"))
                : tokens.token(
                        TokenApi.form("grant_type", "client_credentials", "scope", scope),
                        client.getString("client_id"),
                        client.getString("client_secret"));
    }

    /** Polls until an unauthenticated registration gets {@code status}: Liberty applies config changes within seconds. */
    private void awaitStatus(String bearer, int status) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        int last = -1;
        while (Instant.now().isBefore(deadline)) {
            last = api.register(ClientRegistrationIT.client("https://a.example/cb"), bearer, "application/json")
                    .statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("registration still answered " + last + ", expected " + status);
    }
}
