package it.dev.portcullis.oauth;

import static it.dev.portcullis.oauth.TokenApi.form;
import static it.dev.portcullis.oauth.TokenEndpointIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.LibertyServer;
import it.dev.portcullis.support.McpHttp;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * End to end, an anonymous caller tries the two ways to act without a user: mint a machine token through open
 * registration and use it for a {@code pets:write} tool, or push a bearer token (forged, or a real machine token)
 * through the authorization server's login-protected pages. Every attempt gets the spec's refusal, and nothing is
 * stored: refused registrations return no client, and a refused update leaves the stored registration as it was.
 */
class AnonymousMachineAccessIT {

    private static final LibertyServer SERVER = LibertyServer.current();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .sslContext(Https.trustingServer(SERVER))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    /** A forged JWT: right shape and typ, no valid signature. */
    private static final String FAKE_BEARER = "eyJhbGciOiJFUzI1NiIsInR5cCI6ImF0K2p3dCJ9."
            + "eyJzdWIiOiJhZG1pbiIsInNjb3BlIjoicGV0czp3cml0ZSJ9.c2lnbmF0dXJl";

    private final RegistrationApi registration = new RegistrationApi(SERVER);
    private final TokenApi tokens = new TokenApi(SERVER);

    @Test
    void anonymousRegistrationOfAMachineClientIsRefusedAndStoresNothing() throws Exception {
        List<String> machineClients = List.of(
                "{\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":\"client_secret_basic\"}",
                "{\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":\"client_secret_post\","
                        + "\"scope\":\"pets:read pets:write\"}",
                "{\"grant_types\":[\"authorization_code\",\"client_credentials\"],\"response_types\":[\"code\"],"
                        + "\"redirect_uris\":[\"https://attacker.example/cb\"]}");
        for (String body : machineClients) {
            HttpResponse<String> refused = registration.register(body);
            // the body is not echoed: were the client registered, it would hold a secret and a registration token
            assertThat(refused.statusCode())
                    .as("anonymous registration of " + body)
                    .isEqualTo(400);
            JsonObject error = RegistrationApi.json(refused);
            assertThat(error.getString("error")).isEqualTo("invalid_client_metadata");
            assertThat(error.keySet())
                    .as("no client was created")
                    .doesNotContain(
                            "client_id", "client_secret", "registration_access_token", "registration_client_uri");
        }
        HttpResponse<String> ordinary = registration.register("{\"redirect_uris\":[\"https://attacker.example/cb\"]}");
        assertThat(ordinary.statusCode()).isEqualTo(201);
        assertThat(RegistrationApi.json(ordinary).getString("scope"))
                .as("no scope registered: the default, not all")
                .isEqualTo("pets:read");
    }

    @Test
    void anonymousConfidentialClientGetsNoMachineTokenAndCannotBecomeAMachineClient() throws Exception {
        JsonObject client = tokens.register("client_secret_basic", "[\"authorization_code\"]", null);
        String id = client.getString("client_id");
        String secret = client.getString("client_secret");
        assertError(tokens.token(form("grant_type", "client_credentials"), id, secret), 400, "unauthorized_client");
        assertError(
                tokens.token(form("grant_type", "client_credentials", "scope", "pets:write"), id, secret),
                400,
                "unauthorized_client");

        String registrationToken = client.getString("registration_access_token");
        HttpResponse<String> update = registration.update(
                id,
                registrationToken,
                "{\"client_id\":\"" + id
                        + "\",\"grant_types\":[\"authorization_code\",\"client_credentials\"],\"response_types\":[\"code\"],"
                        + "\"redirect_uris\":[\"http://127.0.0.1/cb\"],\"scope\":\"pets:write\"}");
        assertThat(update.statusCode())
                .as("an update adding client_credentials")
                .isEqualTo(400);
        assertThat(RegistrationApi.json(update).getString("error")).isEqualTo("invalid_client_metadata");

        JsonObject stored = RegistrationApi.json(registration.read(id, registrationToken));
        assertThat(stored.getJsonArray("grant_types").getValuesAs(JsonString.class))
                .extracting(JsonString::getString)
                .containsExactly("authorization_code");
        assertThat(stored.getString("scope")).isEqualTo("pets:read");
        assertError(tokens.token(form("grant_type", "client_credentials"), id, secret), 400, "unauthorized_client");
    }

    @Test
    void anonymousCallerCannotRunAPetsWriteTool() throws Exception {
        String addPet = McpHttp.request(
                "tools/call",
                "{\"name\":\"add_pet\",\"arguments\":{\"name\":\"Rex\"," + "\"species\":\"dog\",\"dryRun\":true}}");
        McpHttp.Answer none = McpHttp.to(SERVER.url("/mcp"))
                .header("MCP-Protocol-Version", McpHttp.LEGACY)
                .post(addPet);
        assertThat(none.status()).isEqualTo(401);
        McpHttp.Answer forged = McpHttp.to(SERVER.url("/mcp"))
                .header("MCP-Protocol-Version", McpHttp.LEGACY)
                .header("Authorization", "Bearer " + FAKE_BEARER)
                .post(addPet);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.response().headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).contains("error=\"invalid_token\""));
    }

    @Test
    void bearerTokensAtTheAuthorizationServersPagesMeetTheFormLoginNeverAConsentPage() throws Exception {
        String machineToken = RegistrationApi.json(tokens.token(
                        form("grant_type", "client_credentials", "scope", "pets:write"),
                        tokens.serviceClient().getString("client_id"),
                        tokens.serviceClient().getString("client_secret")))
                .getString("access_token");
        String query =
                UserSession.form(AuthorizeFixtures.request(CodeFlowTokens.publicClient(), CodeFlowTokens.REDIRECT));
        for (String bearer : List.of(FAKE_BEARER, machineToken)) {
            for (String path : List.of("/oauth/authorize?" + query, "/oauth/consents")) {
                HttpRequest get = HttpRequest.newBuilder(SERVER.url(path))
                        .header("Authorization", "Bearer " + bearer)
                        .GET()
                        .build();
                assertFormLoginOnly(get, HTTP.send(get, HttpResponse.BodyHandlers.ofString()));
                HttpRequest post = HttpRequest.newBuilder(SERVER.url(path))
                        .header("Authorization", "Bearer " + bearer)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(query + "&decision=approve"))
                        .build();
                assertFormLoginOnly(post, HTTP.send(post, HttpResponse.BodyHandlers.ofString()));
            }
            HttpRequest login = HttpRequest.newBuilder(SERVER.url("/oauth/login"))
                    .header("Authorization", "Bearer " + bearer)
                    .GET()
                    .build();
            HttpResponse<String> loginPage = HTTP.send(login, HttpResponse.BodyHandlers.ofString());
            assertThat(loginPage.body()).doesNotContain("name=\"decision\"").doesNotContain("Applications you allowed");
        }
    }

    /** The FORM login's answer to a caller nobody logged in: the login page (redirect) or a 4xx, never a page behind it. */
    private static void assertFormLoginOnly(HttpRequest request, HttpResponse<String> response) {
        String what = request.method() + " " + request.uri().getPath();
        assertThat(response.body())
                .as(what)
                .doesNotContain("name=\"decision\"")
                .doesNotContain("Applications you allowed");
        if (response.statusCode() / 100 == 3) {
            assertThat(response.headers().firstValue("Location").orElse(""))
                    .as(what)
                    .contains("/oauth/login")
                    .doesNotContain("code=");
        } else {
            assertThat(response.statusCode()).as(what + " " + response.body()).isBetween(400, 499);
        }
    }
}
