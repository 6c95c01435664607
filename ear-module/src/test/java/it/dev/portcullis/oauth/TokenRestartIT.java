package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.LibertyServer;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Refresh tokens are committed before the token response: after a graceful restart and after a SIGKILL the latest
 * refresh token still rotates, and an access token issued before still verifies against the JWKS.
 */
class TokenRestartIT {

    private final LibertyServer server = LibertyServer.current();
    private final TokenApi api = new TokenApi(server);
    private final CodeFlowTokens flow = new CodeFlowTokens(api);

    @Test
    void refreshTokenWhenServerRestartedAndKilledThenStillValid() throws Exception {
        String client = CodeFlowTokens.publicClient();
        JsonObject tokens = flow.tokens(client);

        server.restart();
        api.verify(tokens.getString("access_token"));
        String next = assertRefreshes(client, tokens.getString("refresh_token"));

        server.crashAndStart();
        assertRefreshes(client, next);
    }

    private String assertRefreshes(String client, String refreshToken) throws Exception {
        HttpResponse<String> response = flow.refresh(client, refreshToken);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RegistrationApi.json(response).getString("refresh_token");
    }
}
