package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.AppServer;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Map;

/** Drives the authorization code flow over HTTPS as alice (login page, consent) and redeems the code. */
public final class CodeFlowTokens {

    /** A public client's id and the refresh token of a new family (for benchmarks outside this package). */
    public record Family(String clientId, String refreshToken) {}

    static final String REDIRECT = "http://127.0.0.1:8765/callback";

    private final TokenApi api;

    CodeFlowTokens(TokenApi api) {
        this.api = api;
    }

    /** A new public client (authorization_code + refresh_token) with this loopback redirect. */
    static String publicClient() throws Exception {
        return AuthorizeFixtures.registerPublicClient(null, REDIRECT);
    }

    /** A code for {@code clientId}, approved by a freshly logged-in alice, for the scope pets:read pets:write. */
    static String code(String clientId) throws Exception {
        return code(clientId, "alice", "alice-password", "pets:read pets:write");
    }

    /** A code for {@code clientId}, approved by {@code user} freshly logged in through the FORM page, for {@code scope}. */
    static String code(String clientId, String user, String password, String scope) throws Exception {
        UserSession alice = UserSession.loggedIn(user, password);
        Map<String, String> request =
                AuthorizeFixtures.with(AuthorizeFixtures.request(clientId, REDIRECT), "scope", scope);
        HttpResponse<String> page = alice.authorize(request);
        if (page.statusCode() / 100 == 3) {
            return UserSession.redirectParameters(page).get("code"); // consent remembered
        }
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Map<String, String> form = AuthorizeFixtures.with(UserSession.hiddenFields(page.body()), "decision", "approve");
        HttpResponse<String> approved = alice.postForm("/oauth/authorize", form);
        assertThat(approved.statusCode())
                .as(approved.body())
                .isEqualTo(303); // after the consent POST (OAuth 2.1 section 7.5.2)
        String code = UserSession.redirectParameters(approved).get("code");
        assertThat(code).isNotBlank();
        return code;
    }

    /** A new public client, alice's login and consent, the code redeemed: the start of a refresh-token family. */
    public static Family newFamily() throws Exception {
        String clientId = publicClient();
        return new Family(
                clientId,
                new CodeFlowTokens(new TokenApi(AppServer.current()))
                        .tokens(clientId)
                        .getString("refresh_token"));
    }

    HttpResponse<String> redeem(String clientId, String code, String verifier) throws Exception {
        return api.token(
                TokenApi.form(
                        "grant_type",
                        "authorization_code",
                        "client_id",
                        clientId,
                        "code",
                        code,
                        "code_verifier",
                        verifier,
                        "redirect_uri",
                        REDIRECT,
                        "resource",
                        TokenApi.expectedResource()),
                null,
                null);
    }

    /** Tokens from a completed flow: the JSON token response. */
    JsonObject tokens(String clientId) throws Exception {
        HttpResponse<String> response = redeem(clientId, code(clientId), AuthorizeFixtures.VERIFIER);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RegistrationApi.json(response);
    }

    /** Tokens from a flow {@code user} completed for {@code scope}: the JSON token response. */
    JsonObject tokens(String clientId, String user, String password, String scope) throws Exception {
        HttpResponse<String> response =
                redeem(clientId, code(clientId, user, password, scope), AuthorizeFixtures.VERIFIER);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RegistrationApi.json(response);
    }

    HttpResponse<String> refresh(String clientId, String refreshToken, String... more) throws Exception {
        Map<String, String> form =
                TokenApi.form("grant_type", "refresh_token", "client_id", clientId, "refresh_token", refreshToken);
        form.putAll(TokenApi.form(more));
        return api.token(form, null, null);
    }

    /** Redeems a code as a confidential client, authenticated with {@code client_secret_basic}. */
    HttpResponse<String> redeemConfidential(String clientId, String secret, String code) throws Exception {
        return api.token(
                TokenApi.form(
                        "grant_type",
                        "authorization_code",
                        "code",
                        code,
                        "code_verifier",
                        AuthorizeFixtures.VERIFIER,
                        "redirect_uri",
                        REDIRECT,
                        "resource",
                        TokenApi.expectedResource()),
                clientId,
                secret);
    }

    /** Tokens from a completed flow of a confidential client: the JSON token response. */
    JsonObject confidentialTokens(String clientId, String secret) throws Exception {
        HttpResponse<String> response = redeemConfidential(clientId, secret, code(clientId));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return RegistrationApi.json(response);
    }

    /** A refresh as a confidential client, authenticated with {@code client_secret_basic}. */
    HttpResponse<String> refreshConfidential(String clientId, String secret, String refreshToken) throws Exception {
        return api.token(TokenApi.form("grant_type", "refresh_token", "refresh_token", refreshToken), clientId, secret);
    }
}
