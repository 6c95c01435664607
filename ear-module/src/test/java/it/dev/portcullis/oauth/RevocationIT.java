package it.dev.portcullis.oauth;

import static it.dev.portcullis.oauth.TokenApi.form;
import static it.dev.portcullis.oauth.TokenEndpointIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.LibertyServer;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * RFC 7009 revocation over HTTPS: the client authenticates as registered; known, unknown and foreign tokens all get
 * 200 with {@code no-store}; a missing token is {@code invalid_request}. (That a revoked access token is refused is
 * checked in-container by TokenFamiliesArquillianIT, and on /mcp by the resource server's tests.)
 */
class RevocationIT {

    private final TokenApi api = new TokenApi(LibertyServer.current());

    @Test
    void revokeWhenAccessTokenOrUnknownTokenThen200() throws Exception {
        JsonObject client = api.serviceClient();
        String id = client.getString("client_id");
        String secret = client.getString("client_secret");
        String accessToken = RegistrationApi.json(api.token(form("grant_type", "client_credentials"), id, secret))
                .getString("access_token");

        HttpResponse<String> revoked =
                api.revoke(form("token", accessToken, "token_type_hint", "access_token"), id, secret);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        TokenApi.assertNoStore(revoked);
        assertThat(api.revoke(form("token", accessToken), id, secret).statusCode())
                .as("again")
                .isEqualTo(200);
        assertThat(api.revoke(form("token", "unknown-token", "token_type_hint", "refresh_token"), id, secret)
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.revoke(form("token", "a.b.c"), id, secret).statusCode())
                .as("a malformed JWT")
                .isEqualTo(200);
    }

    @Test
    void revokeWhenClientNotAuthenticatedOrTokenMissingThenErrors() throws Exception {
        JsonObject client = api.serviceClient();
        String id = client.getString("client_id");
        assertError(api.revoke(form("token", "x"), id, "wrong-secret"), 401, "invalid_client");
        assertError(api.revoke(form("token", "x"), "no-such-client", "secret"), 401, "invalid_client");
        assertError(
                api.revoke(form("token_type_hint", "access_token"), id, client.getString("client_secret")),
                400,
                "invalid_request");
    }
}
