package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.AppServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each known client's compatibility profile ({@code src/selftest/client-profiles.json}, the one place they are kept) replayed
 * against the server over HTTPS: the well-known paths it probes, its dynamic client registration body as it sends it,
 * alice's login and consent for its authorization request (PKCE S256, its redirect URI, scope and {@code resource}),
 * the code redeemed, and a refresh where the client refreshes. Only the code is read from the redirect's
 * {@code Location}; nothing is sent to the client's own hosts.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization">MCP authorization</a>
 */
class ClientProfilesIT {

    /** The one place the profiles are kept, shared with the operator's self-test (src/selftest). */
    static final Path PROFILES = Path.of("..", "src", "selftest", "client-profiles.json");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AppServer server = AppServer.current();
    private final RegistrationApi registration = new RegistrationApi(server);
    private final TokenApi tokens = new TokenApi(server);

    static Stream<Arguments> profiles() throws Exception {
        try (InputStream in = Files.newInputStream(PROFILES);
                JsonReader reader = Json.createReader(in)) {
            return reader.readObject().getJsonArray("profiles").stream()
                    .map(JsonValue::asJsonObject)
                    .map(profile -> Arguments.of(profile.getString("id"), profile))
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void profileWhenReplayedThenRegistersAuthorizesAndGetsTokens(String id, JsonObject profile) throws Exception {
        Map<String, String> ports =
                Map.of("{port}", String.valueOf(freeLoopbackPort()), "{port2}", String.valueOf(freeLoopbackPort()));
        for (JsonValue path : profile.getJsonArray("probes")) {
            HttpResponse<String> probe = registration.get(((JsonString) path).getString());
            assertThat(probe.statusCode()).as(id + " probes " + path).isEqualTo(200);
            assertThat(RegistrationApi.json(probe)).isNotEmpty();
        }

        HttpResponse<String> registered =
                registration.register(registrationBody(profile.getJsonObject("registration"), ports));
        assertThat(registered.statusCode())
                .as(id + " registration: " + registered.body())
                .isEqualTo(201);
        JsonObject client = RegistrationApi.json(registered);
        String clientId = client.getString("client_id");
        assertThat(client.getJsonArray("redirect_uris"))
                .hasSameSizeAs(profile.getJsonObject("registration").getJsonArray("redirect_uris"));

        JsonObject authorize = profile.getJsonObject("authorize");
        String redirectUri = fill(authorize.getString("redirect_uri"), ports);
        String verifier = verifier();
        String resource = switch (authorize.getString("resource")) {
            case "exact" -> AuthorizeFixtures.resource();
            case "trailing-slash" -> AuthorizeFixtures.resource() + "/";
            default -> null;
        };
        String state = "state-" + UUID.randomUUID();
        Map<String, String> request = new LinkedHashMap<>();
        request.put("response_type", "code");
        request.put("client_id", clientId);
        request.put("redirect_uri", redirectUri);
        request.put("code_challenge", AuthorizeFixtures.s256(verifier));
        request.put("code_challenge_method", "S256");
        request.put("scope", authorize.getString("scope"));
        request.put("resource", resource);
        request.put("state", state);

        UserSession alice = UserSession.loggedIn("alice", "alice-password");
        HttpResponse<String> page = alice.authorize(request);
        assertThat(page.statusCode())
                .as(id + " consent page, error "
                        + (page.statusCode() / 100 == 3
                                ? UserSession.redirectParameters(page).get("error")
                                : page.body()))
                .isEqualTo(200);
        HttpResponse<String> approved = alice.postForm(
                "/oauth/authorize",
                AuthorizeFixtures.with(UserSession.hiddenFields(page.body()), "decision", "approve"));
        assertThat(approved.statusCode())
                .as(id + " approval: " + approved.body())
                .isEqualTo(303);
        String location = approved.headers().firstValue("Location").orElseThrow();
        assertThat(location).as(id + " redirect").startsWith(redirectUri + "?");
        Map<String, String> callback = UserSession.redirectParameters(approved);
        assertThat(callback)
                .as(id + " callback")
                .containsEntry("state", state)
                .containsEntry("iss", RegistrationApi.expectedIssuer())
                .doesNotContainKey("error");

        Map<String, String> redeem = TokenApi.form(
                "grant_type",
                "authorization_code",
                "client_id",
                clientId,
                "code",
                callback.get("code"),
                "code_verifier",
                verifier,
                "redirect_uri",
                redirectUri);
        if (resource != null) {
            redeem.put("resource", resource);
        }
        HttpResponse<String> issued = tokens.token(redeem, null, null);
        assertThat(issued.statusCode()).as(id + " token: " + issued.body()).isEqualTo(200);
        JsonObject grant = RegistrationApi.json(issued);
        assertThat(tokens.verify(grant.getString("access_token")).getAudience())
                .containsExactly(TokenApi.expectedResource());
        assertThat(grant.getString("scope")).isEqualTo("pets:read");

        if (profile.getBoolean("refreshes")) {
            assertThat(grant.getString("refresh_token", ""))
                    .as(id + " refresh token")
                    .isNotBlank();
            Map<String, String> refresh = TokenApi.form(
                    "grant_type",
                    "refresh_token",
                    "client_id",
                    clientId,
                    "refresh_token",
                    grant.getString("refresh_token"));
            if (resource != null) {
                refresh.put("resource", resource);
            }
            HttpResponse<String> refreshed = tokens.token(refresh, null, null);
            assertThat(refreshed.statusCode())
                    .as(id + " refresh: " + refreshed.body())
                    .isEqualTo(200);
            assertThat(tokens.verify(RegistrationApi.json(refreshed).getString("access_token"))
                            .getAudience())
                    .containsExactly(TokenApi.expectedResource());
        }
    }

    /** RFC 8252 section 8.4 / 7.1: the known-client exception is the exact URI, never its scheme, host or path. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "cursor://evil/oauth/callback",
                "cursor://anysphere.cursor-mcp/oauth/other",
                "cursor://anysphere.cursor-mcp/oauth/callback/x",
                "cursor://anysphere.cursor-mcp.evil/oauth/callback",
                "Cursor://anysphere.cursor-mcp/oauth/callback",
                "cursor://anysphere.cursor-mcp/oauth/callback?next=x"
            })
    void registrationWhenLookAlikeOfKnownPrivateUseRedirectThenInvalidRedirectUri(String redirectUri) throws Exception {
        HttpResponse<String> response = registration.register(Json.createObjectBuilder()
                .add("client_name", RegistrationApi.uniqueName("look-alike"))
                .add("redirect_uris", Json.createArrayBuilder().add(redirectUri).add("http://localhost:8787/callback"))
                .add("token_endpoint_auth_method", "none")
                .build()
                .toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(RegistrationApi.json(response).getString("error")).isEqualTo("invalid_redirect_uri");
    }

    private static String registrationBody(JsonObject template, Map<String, String> ports) {
        JsonObjectBuilder body = Json.createObjectBuilder();
        template.forEach((name, value) -> {
            if ("redirect_uris".equals(name)) {
                body.add(
                        name,
                        Json.createArrayBuilder(value.asJsonArray().getValuesAs(JsonString.class).stream()
                                .map(uri -> fill(uri.getString(), ports))
                                .toList()));
            } else {
                body.add(name, value);
            }
        });
        return body.build().toString();
    }

    private static String fill(String uri, Map<String, String> ports) {
        String filled = uri;
        for (Map.Entry<String, String> port : ports.entrySet()) {
            filled = filled.replace(port.getKey(), port.getValue());
        }
        assertThat(URI.create(filled)).isNotNull();
        return filled;
    }

    /** A port nothing listens on afterwards: the redirect is never followed, the port only has to be plausible. */
    private static int freeLoopbackPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A fresh PKCE verifier per run (RFC 7636 section 4.1: 43 to 128 unreserved characters). */
    private static String verifier() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
