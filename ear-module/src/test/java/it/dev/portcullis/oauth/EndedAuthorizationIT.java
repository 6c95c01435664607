package it.dev.portcullis.oauth;

import static it.dev.portcullis.oauth.TokenEndpointIT.assertError;
import static it.dev.portcullis.support.McpHttp.request;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.BearerChallenge;
import it.dev.portcullis.support.LibertyServer;
import it.dev.portcullis.support.McpHttp;
import it.dev.portcullis.support.McpHttp.Answer;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ending an authorization ends everything issued under it, access tokens included: a withdrawn consent, a replayed
 * authorization code and a deleted client (RFC 7592) each revoke every refresh-token family and outstanding code of
 * that client (and user), and {@code /mcp} refuses the access tokens already issued within the revocation-list
 * refresh interval ({@code portcullis.oauth.revocation.refresh-interval}, PT5S on the test server; on the server
 * that revoked them at once).
 */
class EndedAuthorizationIT {

    /** The test server's revocation-list refresh interval (the default) plus a margin for a loaded machine. */
    private static final Duration REFUSED_WITHIN = Duration.ofSeconds(5).plusSeconds(10);

    private static final String INITIALIZE = request(
            "initialize",
            "{\"protocolVersion\":\"2025-11-25\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}");

    private final LibertyServer server = LibertyServer.current();
    private final TokenApi api = new TokenApi(server);
    private final CodeFlowTokens flow = new CodeFlowTokens(api);

    @Test
    void consentWhenWithdrawnThenEveryFamilyCodeAndAccessTokenOfThatClientAndUserEnds() throws Exception {
        // consent is remembered only for clients that prove their identity: a confidential one
        JsonObject registered = AuthorizeFixtures.register(
                "client_secret_basic", RegistrationApi.uniqueName("Ended IT"), null, CodeFlowTokens.REDIRECT);
        String client = registered.getString("client_id");
        String secret = registered.getString("client_secret");
        JsonObject first = flow.confidentialTokens(client, secret); // alice approves; the consent is remembered
        JsonObject second = flow.confidentialTokens(client, secret); // a second family under the remembered consent
        String outstanding = CodeFlowTokens.code(client);
        assertAcceptedAtMcp(first.getString("access_token"));

        UserSession alice = UserSession.loggedIn("alice", "alice-password");
        HttpResponse<String> list = alice.get("/oauth/consents");
        assertThat(list.body()).contains(client);
        Map<String, String> withdraw =
                UserSession.hiddenFields(list.body().substring(list.body().indexOf(client)));
        assertThat(alice.postForm("/oauth/consents", withdraw).statusCode()).isEqualTo(303);

        assertError(flow.refreshConfidential(client, secret, first.getString("refresh_token")), 400, "invalid_grant");
        assertError(flow.refreshConfidential(client, secret, second.getString("refresh_token")), 400, "invalid_grant");
        assertError(flow.redeemConfidential(client, secret, outstanding), 400, "invalid_grant");
        assertRefusedAtMcp(first.getString("access_token"));
        assertRefusedAtMcp(second.getString("access_token"));
    }

    @Test
    void codeWhenReplayedThenEveryFamilyCodeAndAccessTokenOfThatClientAndUserEnds() throws Exception {
        String client = CodeFlowTokens.publicClient();
        String code = CodeFlowTokens.code(client);
        HttpResponse<String> redeemed = flow.redeem(client, code, AuthorizeFixtures.VERIFIER);
        assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(200);
        JsonObject fromCode = RegistrationApi.json(redeemed);
        JsonObject other = flow.tokens(client); // another grant of the same client and user
        String outstanding = CodeFlowTokens.code(client);
        assertAcceptedAtMcp(other.getString("access_token"));

        assertError(flow.redeem(client, code, AuthorizeFixtures.VERIFIER), 400, "invalid_grant");

        assertError(flow.refresh(client, fromCode.getString("refresh_token")), 400, "invalid_grant");
        assertError(flow.refresh(client, other.getString("refresh_token")), 400, "invalid_grant");
        assertError(flow.redeem(client, outstanding, AuthorizeFixtures.VERIFIER), 400, "invalid_grant");
        assertRefusedAtMcp(fromCode.getString("access_token"));
        assertRefusedAtMcp(other.getString("access_token"));
    }

    @Test
    void clientWhenDeletedThenItsFamiliesCodesAndAccessTokensEnd() throws Exception {
        RegistrationApi registration = new RegistrationApi(server);
        JsonObject registered = RegistrationApi.json(registration.register("{\"client_name\":\""
                + RegistrationApi.uniqueName("Ended IT") + "\",\"token_endpoint_auth_method\":\"none\","
                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"redirect_uris\":[\""
                + CodeFlowTokens.REDIRECT + "\"]}"));
        String client = registered.getString("client_id");
        JsonObject tokens = flow.tokens(client);
        String outstanding = CodeFlowTokens.code(client);
        assertAcceptedAtMcp(tokens.getString("access_token"));

        assertThat(registration
                        .delete(client, registered.getString("registration_access_token"))
                        .statusCode())
                .isEqualTo(204);

        assertError(flow.refresh(client, tokens.getString("refresh_token")), 401, "invalid_client");
        assertError(flow.redeem(client, outstanding, AuthorizeFixtures.VERIFIER), 401, "invalid_client");
        assertRefusedAtMcp(tokens.getString("access_token"));
    }

    private void assertAcceptedAtMcp(String accessToken) throws Exception {
        assertAcceptedAtMcp(server, accessToken);
    }

    static void assertAcceptedAtMcp(LibertyServer server, String accessToken) throws Exception {
        Answer answer = McpHttp.to(server.url("/mcp"))
                .header("Authorization", "Bearer " + accessToken)
                .post(INITIALIZE);
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(200);
    }

    /** Polls {@code /mcp} with the token until it is refused, for at most the refresh interval and a margin. */
    private void assertRefusedAtMcp(String accessToken) throws Exception {
        assertRefusedAtMcp(server, accessToken);
    }

    static void assertRefusedAtMcp(LibertyServer server, String accessToken) throws Exception {
        long deadline = System.nanoTime() + REFUSED_WITHIN.toNanos();
        Answer answer;
        do {
            answer = McpHttp.to(server.url("/mcp"))
                    .header("Authorization", "Bearer " + accessToken)
                    .post(INITIALIZE);
            if (answer.status() == 401) {
                break;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        assertThat(answer.status())
                .as("access token refused at /mcp within " + REFUSED_WITHIN.toSeconds() + " s")
                .isEqualTo(401);
        assertThat(BearerChallenge.of(answer.response()).get("error")).isEqualTo("invalid_token");
    }
}
