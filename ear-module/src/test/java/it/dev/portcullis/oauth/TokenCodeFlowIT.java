package it.dev.portcullis.oauth;

import static it.dev.portcullis.oauth.TokenEndpointIT.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import it.dev.portcullis.support.LibertyServer;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The authorization_code and refresh_token grants over HTTPS after a real login and consent: PKCE, the user's
 * access token verified against the JWKS, rotation, reuse inside the grace window (4 s on the test server: the same
 * successor) and outside it, scope widening, code replay revoking the tokens issued from the code, and revocation of a refresh token.
 */
class TokenCodeFlowIT {

    private final TokenApi api = new TokenApi(LibertyServer.current());
    private final CodeFlowTokens flow = new CodeFlowTokens(api);

    @Test
    void codeWhenVerifierWrongThenInvalidGrantAndWhenRightThenUserTokenForTheMcpResource() throws Exception {
        String client = CodeFlowTokens.publicClient();
        String code = CodeFlowTokens.code(client);
        assertError(flow.redeem(client, code, "wrong-verifier-wrong-verifier-wrong-verifier-0"), 400, "invalid_grant");

        HttpResponse<String> response = flow.redeem(client, CodeFlowTokens.code(client), AuthorizeFixtures.VERIFIER);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        TokenApi.assertNoStore(response);
        JsonObject tokens = RegistrationApi.json(response);
        assertThat(tokens.getString("refresh_token")).isNotBlank();
        assertThat(tokens.getString("scope")).isEqualTo("pets:read pets:write");
        JWTClaimsSet claims = api.verify(tokens.getString("access_token"));
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringListClaim("groups")).containsExactly("mcp-users");
        assertThat(claims.getAudience()).containsExactly(TokenApi.expectedResource());
        assertThat(claims.getStringClaim("client_id")).isEqualTo(client);
        assertThat(claims.getIssuer()).isEqualTo(RegistrationApi.expectedIssuer());
        assertThat((claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000)
                .isEqualTo(3600);
    }

    @Test
    void refreshWhenRotatedThenOldTokenWorksWithinGraceWindowAndAfterItRevokesTheFamily() throws Exception {
        String client = CodeFlowTokens.publicClient();
        String first = flow.tokens(client).getString("refresh_token");

        HttpResponse<String> rotated = flow.refresh(client, first);
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String second = RegistrationApi.json(rotated).getString("refresh_token");
        assertThat(second).isNotEqualTo(first);
        HttpResponse<String> concurrent = flow.refresh(client, first);
        assertThat(concurrent.statusCode())
                .as("reuse within the grace window: " + concurrent.body())
                .isEqualTo(200);
        assertThat(RegistrationApi.json(concurrent).getString("refresh_token"))
                .as("reuse within the grace window returns the same successor, never a second live one")
                .isEqualTo(second);

        Thread.sleep(5_000);
        assertError(flow.refresh(client, first), 400, "invalid_grant");
        assertError(flow.refresh(client, second), 400, "invalid_grant");
    }

    @Test
    void refreshWhenScopeWidenedOrResourceOtherThenRefusedAndNarrowedThenGranted() throws Exception {
        String client = AuthorizeFixtures.registerPublicClient(null, CodeFlowTokens.REDIRECT);
        UserSession alice = UserSession.loggedIn("alice", "alice-password");
        HttpResponse<String> page =
                alice.authorize(AuthorizeFixtures.request(client, CodeFlowTokens.REDIRECT)); // pets:read
        HttpResponse<String> approved = alice.postForm(
                "/oauth/authorize",
                AuthorizeFixtures.with(UserSession.hiddenFields(page.body()), "decision", "approve"));
        String code = UserSession.redirectParameters(approved).get("code");
        String refresh = RegistrationApi.json(flow.redeem(client, code, AuthorizeFixtures.VERIFIER))
                .getString("refresh_token");

        assertError(flow.refresh(client, refresh, "scope", "pets:read pets:write"), 400, "invalid_scope");
        assertError(flow.refresh(client, refresh, "resource", "https://other.example/mcp"), 400, "invalid_target");
        HttpResponse<String> narrowed = flow.refresh(client, refresh, "scope", "pets:read");
        assertThat(narrowed.statusCode()).as(narrowed.body()).isEqualTo(200);
        assertThat(RegistrationApi.json(narrowed).getString("scope")).isEqualTo("pets:read");
    }

    @Test
    void codeWhenReplayedThenInvalidGrantAndTokensIssuedFromItRevoked() throws Exception {
        String client = CodeFlowTokens.publicClient();
        String code = CodeFlowTokens.code(client);
        HttpResponse<String> first = flow.redeem(client, code, AuthorizeFixtures.VERIFIER);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        String refresh = RegistrationApi.json(first).getString("refresh_token");

        assertError(flow.redeem(client, code, AuthorizeFixtures.VERIFIER), 400, "invalid_grant");
        assertError(flow.refresh(client, refresh), 400, "invalid_grant");
    }

    @Test
    void revokeWhenRefreshTokenThenFamilyNoLongerRefreshes() throws Exception {
        String client = CodeFlowTokens.publicClient();
        JsonObject tokens = flow.tokens(client);
        HttpResponse<String> revoked = api.revoke(
                TokenApi.form(
                        "client_id",
                        client,
                        "token",
                        tokens.getString("refresh_token"),
                        "token_type_hint",
                        "refresh_token"),
                null,
                null);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertError(flow.refresh(client, tokens.getString("refresh_token")), 400, "invalid_grant");
        assertThat(api.revoke(TokenApi.form("client_id", client, "token", tokens.getString("access_token")), null, null)
                        .statusCode())
                .isEqualTo(200);
    }
}
