package it.dev.portcullis.oauth;

import static it.dev.portcullis.oauth.TokenApi.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import it.dev.portcullis.support.Https;
import it.dev.portcullis.support.LibertyServer;
import it.dev.portcullis.support.MachineClientsFixture;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The token endpoint over HTTPS: client authentication as registered (unknown client, wrong secret, wrong method),
 * the client_credentials grant with Basic and with post, the RFC 9068 access token verified against the JWKS, and
 * the RFC 6749 section 5.2 errors, each with {@code Cache-Control: no-store}.
 */
class TokenEndpointIT {

    private final LibertyServer server = LibertyServer.current();
    private final TokenApi api = new TokenApi(server);

    @Test
    void tokenWhenClientUnknownThen401InvalidClientWithBasicChallenge() throws Exception {
        HttpResponse<String> basic = api.token(form("grant_type", "client_credentials"), "no-such-client", "secret");
        assertError(basic, 401, "invalid_client");
        assertThat(basic.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));

        HttpResponse<String> post = api.token(
                form("grant_type", "client_credentials", "client_id", "no-such-client", "client_secret", "secret"),
                null,
                null);
        assertError(post, 401, "invalid_client");
        assertError(
                api.token(
                        form("grant_type", "refresh_token", "refresh_token", "x", "client_id", "no-such-client"),
                        null,
                        null),
                401,
                "invalid_client");
    }

    @Test
    void tokenWhenClientDeletedThen401InvalidClient() throws Exception {
        JsonObject client = api.register("client_secret_basic", "[\"authorization_code\"]", null);
        RegistrationApi registration = new RegistrationApi(server);
        assertThat(registration
                        .delete(client.getString("client_id"), client.getString("registration_access_token"))
                        .statusCode())
                .isEqualTo(204);
        assertError(
                api.token(
                        form("grant_type", "client_credentials"),
                        client.getString("client_id"),
                        client.getString("client_secret")),
                401,
                "invalid_client");
    }

    @Test
    void clientCredentialsWhenBasicThenSignedAccessTokenForTheMcpResource() throws Exception {
        JsonObject client = api.serviceClient();
        String id = client.getString("client_id");
        HttpResponse<String> response = api.token(
                form("grant_type", "client_credentials", "scope", "pets:read"), id, client.getString("client_secret"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        TokenApi.assertNoStore(response);
        JsonObject body = RegistrationApi.json(response);
        assertThat(body.getString("token_type")).isEqualTo("Bearer");
        assertThat(body.getString("scope")).isEqualTo("pets:read");
        assertThat(body.containsKey("refresh_token"))
                .as("no refresh token for client_credentials")
                .isFalse();
        JWTClaimsSet claims = api.verify(body.getString("access_token"));
        assertThat(claims.getIssuer()).isEqualTo(RegistrationApi.expectedIssuer());
        assertThat(claims.getSubject()).isEqualTo(id);
        assertThat(claims.getAudience()).containsExactly(TokenApi.expectedResource());
        assertThat(claims.getStringClaim("client_id")).isEqualTo(id);
        assertThat(claims.getStringClaim("scope")).isEqualTo("pets:read");
        assertThat(claims.getStringListClaim("groups")).isEmpty();
        assertThat(claims.getJWTID()).isNotBlank();
        long lifetime =
                (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000;
        assertThat(lifetime)
                .isEqualTo(3600)
                .isEqualTo(body.getJsonNumber("expires_in").longValue());
        assertThat(claims.getExpirationTime()).isAfter(new Date());
    }

    @Test
    void clientCredentialsWhenPostThenTokenWithEveryEntitledScope() throws Exception {
        JsonObject client = TokenApi.credentials(MachineClientsFixture.SERVICE_POST);
        HttpResponse<String> response = api.token(
                form(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        client.getString("client_id"),
                        "client_secret",
                        client.getString("client_secret"),
                        "resource",
                        TokenApi.expectedResource()),
                null,
                null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonObject body = RegistrationApi.json(response);
        assertThat(body.getString("scope")).isEqualTo("pets:read pets:write");
        assertThat(api.verify(body.getString("access_token")).getSubject()).isEqualTo(client.getString("client_id"));
    }

    @Test
    void clientCredentialsWhenWrongSecretOrOtherMethodThen401InvalidClient() throws Exception {
        JsonObject basicClient = api.serviceClient();
        String id = basicClient.getString("client_id");
        assertError(api.token(form("grant_type", "client_credentials"), id, "wrong-secret"), 401, "invalid_client");
        assertError(
                api.token(
                        form(
                                "grant_type",
                                "client_credentials",
                                "client_id",
                                id,
                                "client_secret",
                                basicClient.getString("client_secret")),
                        null,
                        null),
                401,
                "invalid_client");
        assertError(
                api.token(form("grant_type", "client_credentials", "client_id", id), null, null),
                401,
                "invalid_client");

        JsonObject postClient = TokenApi.credentials(MachineClientsFixture.SERVICE_POST);
        assertError(
                api.token(
                        form(
                                "grant_type",
                                "client_credentials",
                                "client_id",
                                postClient.getString("client_id"),
                                "client_secret",
                                "wrong-secret"),
                        null,
                        null),
                401,
                "invalid_client");
    }

    @Test
    void tokenWhenGrantOrScopeOrResourceOrRequestWrongThenRfc6749Errors() throws Exception {
        JsonObject client = api.serviceClient();
        String id = client.getString("client_id");
        String secret = client.getString("client_secret");

        assertError(
                api.token(form("grant_type", "password", "username", "alice", "password", "x"), id, secret),
                400,
                "unsupported_grant_type");
        assertError(api.token(form("scope", "pets:read"), id, secret), 400, "invalid_request");
        assertError(
                api.token(form("grant_type", "client_credentials", "scope", "admin"), id, secret),
                400,
                "invalid_scope");
        assertError(
                api.token(
                        form("grant_type", "client_credentials", "resource", TokenApi.expectedResource() + "//"),
                        id,
                        secret),
                400,
                "invalid_target");
        assertError(
                api.token(
                        form("grant_type", "client_credentials", "resource", TokenApi.expectedResource() + "/x"),
                        id,
                        secret),
                400,
                "invalid_target");
        assertThat(api.token(
                                form("grant_type", "client_credentials", "resource", TokenApi.expectedResource() + "/"),
                                id,
                                secret)
                        .statusCode())
                .as("one trailing slash names the same resource")
                .isEqualTo(200);
        assertError(
                api.token(form("grant_type", "refresh_token", "refresh_token", "not-a-token"), id, secret),
                400,
                "invalid_grant");

        JsonObject publicClient = api.register("none", "[\"authorization_code\",\"refresh_token\"]", null);
        assertError(
                api.token(
                        form("grant_type", "client_credentials", "client_id", publicClient.getString("client_id")),
                        null,
                        null),
                400,
                "unauthorized_client");

        HttpResponse<String> json = Https.client()
                .send(
                        HttpRequest.newBuilder(server.url("/oauth/token"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", TokenApi.basic(id, secret))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertError(json, 400, "invalid_request");
        HttpResponse<String> repeated = Https.client()
                .send(
                        HttpRequest.newBuilder(server.url("/oauth/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Authorization", TokenApi.basic(id, secret))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "grant_type=client_credentials&scope=pets:read&scope=pets:write"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertError(repeated, 400, "invalid_request");
    }

    @Test
    void clientCredentialsWhenProvisionedThenOnlyTheAllowlistedScopesAndNoneWithoutAnAllowlist() throws Exception {
        MachineClientsFixture reader = MachineClientsFixture.READ_ONLY;
        HttpResponse<String> all =
                api.token(form("grant_type", "client_credentials"), reader.clientId(), reader.secret());
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        assertThat(RegistrationApi.json(all).getString("scope")).isEqualTo("pets:read");
        assertThat(api.verify(RegistrationApi.json(all).getString("access_token"))
                        .getStringClaim("scope"))
                .isEqualTo("pets:read");
        assertError(
                api.token(
                        form("grant_type", "client_credentials", "scope", "pets:write"),
                        reader.clientId(),
                        reader.secret()),
                400,
                "invalid_scope");

        MachineClientsFixture unscoped = MachineClientsFixture.UNSCOPED;
        assertError(
                api.token(form("grant_type", "client_credentials"), unscoped.clientId(), unscoped.secret()),
                400,
                "invalid_scope");
        assertError(
                api.token(
                        form("grant_type", "client_credentials", "scope", "pets:read"),
                        unscoped.clientId(),
                        unscoped.secret()),
                400,
                "invalid_scope");
    }

    static void assertError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(RegistrationApi.json(response).getString("error")).isEqualTo(error);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        TokenApi.assertNoStore(response);
    }

    static List<String> scopes(JsonObject body) {
        return List.of(body.getString("scope").split(" "));
    }
}
