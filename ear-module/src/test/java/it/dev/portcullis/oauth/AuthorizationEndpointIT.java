package it.dev.portcullis.oauth;

import static it.dev.portcullis.oauth.AuthorizeFixtures.registerPublicClient;
import static it.dev.portcullis.oauth.AuthorizeFixtures.request;
import static it.dev.portcullis.oauth.AuthorizeFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import it.dev.portcullis.support.LibertyServer;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /oauth/authorize} over HTTPS, logged in as alice through the FORM page: the client and redirect URI
 * are checked first and never lead to a redirect when wrong; every other error is redirected with
 * {@code error}, {@code state} and {@code iss} (RFC 6749 section 4.1.2.1, RFC 9207).
 */
class AuthorizationEndpointIT {

    private static final String WEB_REDIRECT = "https://app.example.com/cb";
    private static final String LOOPBACK_REDIRECT = "http://127.0.0.1:1234/cb";

    private static UserSession alice;
    private static String webClient;
    private static String loopbackClient;

    @BeforeAll
    static void setUp() throws Exception {
        alice = UserSession.loggedIn("alice", "alice-password");
        webClient = registerPublicClient(null, WEB_REDIRECT);
        loopbackClient = registerPublicClient(null, LOOPBACK_REDIRECT);
    }

    @Test
    void authorizeWhenNotLoggedInThenLoginPage() throws Exception {
        HttpResponse<String> response = UserSession.anonymous().authorize(request(webClient, WEB_REDIRECT));

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).contains("/oauth/login");
    }

    @Test
    void authorizeWhenClientUnknownThenErrorPageWithoutRedirect() throws Exception {
        assertErrorPage(alice.authorize(request("no-such-client", WEB_REDIRECT)), "invalid_client");
        assertErrorPage(alice.authorize(with(request(webClient, WEB_REDIRECT), "client_id", null)), "invalid_request");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://app.example.com/c",
                "https://app.example.com/cb/extra",
                "https://app.example.com/cb?x=1",
                "https://other.example.com/cb",
                "https://app.example.com:8443/cb",
                "http://app.example.com/cb",
                "https://APP.example.com/cb"
            })
    void authorizeWhenRedirectUriNotRegisteredThenErrorPageWithoutRedirect(String redirectUri) throws Exception {
        assertErrorPage(alice.authorize(request(webClient, redirectUri)), "invalid_request");
    }

    @Test
    void authorizeWhenLoopbackRedirectOnAnotherPortThenAccepted() throws Exception {
        HttpResponse<String> response = alice.authorize(request(loopbackClient, "http://127.0.0.1:54321/cb"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"redirect-warning\"");
        assertErrorPage(alice.authorize(request(loopbackClient, "http://127.0.0.1:54321/other")), "invalid_request");
        assertErrorPage(alice.authorize(request(loopbackClient, "http://127.0.0.2:1234/cb")), "invalid_request");
    }

    @Test
    void authorizeWhenRedirectUriOmittedThenOnlyTheSingleRegisteredOneIsUsed() throws Exception {
        assertAccepted(alice.authorize(with(request(webClient, WEB_REDIRECT), "redirect_uri", null)));
        String twoUris = registerPublicClient(null, WEB_REDIRECT, "https://app.example.com/cb2");
        assertErrorPage(alice.authorize(with(request(twoUris, WEB_REDIRECT), "redirect_uri", null)), "invalid_request");
    }

    @Test
    void authorizeWhenCodeChallengeMissingOrPlainThenInvalidRequest() throws Exception {
        Map<String, String> valid = request(webClient, WEB_REDIRECT);
        assertRedirectedError(with(valid, "code_challenge", null), "invalid_request", "code_challenge is required");
        assertRedirectedError(with(valid, "code_challenge_method", "plain"), "invalid_request", "S256");
        assertRedirectedError(with(valid, "code_challenge_method", null), "invalid_request", "S256");
        assertRedirectedError(with(valid, "code_challenge", "too-short"), "invalid_request", "code_challenge");
    }

    @Test
    void authorizeWhenResponseTypeNotCodeThenUnsupportedResponseType() throws Exception {
        Map<String, String> valid = request(webClient, WEB_REDIRECT);
        assertRedirectedError(with(valid, "response_type", "token"), "unsupported_response_type", "response_type=code");
        assertRedirectedError(with(valid, "response_type", null), "invalid_request", "response_type");
    }

    @Test
    void authorizeWhenResourceIsNotTheMcpResourceThenInvalidTarget() throws Exception {
        Map<String, String> valid = request(webClient, WEB_REDIRECT);
        assertRedirectedError(with(valid, "resource", "https://evil.example.com/mcp"), "invalid_target", "resource");
        assertRedirectedError(
                with(valid, "resource", AuthorizeFixtures.resource() + "//"), "invalid_target", "resource");
        assertRedirectedError(
                with(valid, "resource", AuthorizeFixtures.resource() + "/x"), "invalid_target", "resource");
        assertRedirectedError(
                with(valid, "resource", AuthorizeFixtures.resource() + "x"), "invalid_target", "resource");
        assertRedirectedError(
                with(valid, "resource", AuthorizeFixtures.resource() + "?x"), "invalid_target", "resource");
        assertAccepted(alice.authorize(with(
                request(registerPublicClient(null, WEB_REDIRECT), WEB_REDIRECT),
                "resource",
                AuthorizeFixtures.resource() + "/")));
        assertAccepted(alice.authorize(
                with(request(registerPublicClient(null, WEB_REDIRECT), WEB_REDIRECT), "resource", null)));
    }

    @Test
    void authorizeWhenScopeNotSupportedThenInvalidScope() throws Exception {
        assertRedirectedError(
                with(request(webClient, WEB_REDIRECT), "scope", "pets:read admin:everything"),
                "invalid_scope",
                "not supported");
    }

    @Test
    void authorizeWhenScopeBeyondTheRegisteredOneThenTheUserIsAskedForIt() throws Exception {
        // MCP clients register with the first challenge's scope and step up later (the TypeScript SDK does).
        String readOnly = registerPublicClient("pets:read", WEB_REDIRECT);
        assertThat(alice.authorize(with(request(readOnly, WEB_REDIRECT), "scope", "pets:read pets:write"))
                        .body())
                .contains("<code>pets:write</code>");
        assertThat(alice.authorize(with(request(readOnly, WEB_REDIRECT), "scope", null))
                        .body())
                .contains("pets:read")
                .doesNotContain("<code>pets:write</code>");
    }

    @Test
    void authorizeWhenParameterRepeatedThenInvalidRequest() throws Exception {
        Map<String, String> valid = request(webClient, WEB_REDIRECT);
        HttpResponse<String> response =
                alice.get("/oauth/authorize?" + UserSession.withRepeated(valid, "scope", List.of("pets:write")));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(UserSession.redirectParameters(response)).containsEntry("error", "invalid_request");
        assertErrorPage(
                alice.get("/oauth/authorize?" + UserSession.withRepeated(valid, "redirect_uri", List.of(WEB_REDIRECT))),
                "invalid_request");
    }

    @Test
    void consentPageWhenValidRequestThenVerifiedFactsFirstAndStrictHeaders() throws Exception {
        String client = registerPublicClient(null, WEB_REDIRECT);
        HttpResponse<String> page = alice.authorize(request(client, WEB_REDIRECT));

        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body)
                .contains(
                        "<code id=\"client-id\">" + client + "</code>",
                        "<strong id=\"redirect-host\">app.example.com</strong>",
                        "Public: it holds no secret",
                        "id=\"client-registered\">Registered itself on 20",
                        "See the pets in the pet store",
                        "The application chose this name",
                        "id=\"approve\"",
                        "id=\"deny\"",
                        "name=\"csrf_token\"")
                .doesNotContain("<script")
                .doesNotContain("<img");
        assertThat(body.indexOf("id=\"client-id\""))
                .as("the client_id comes before the name the client claims")
                .isLessThan(body.indexOf("id=\"client-name\""));
        assertThat(body.indexOf("id=\"redirect-host\"")).isLessThan(body.indexOf("id=\"client-name\""));
        assertThat(body.indexOf("See the pets")).isLessThan(body.indexOf("id=\"client-name\""));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains(
                        "default-src 'self'",
                        "img-src 'self'",
                        "script-src 'none'",
                        "frame-ancestors 'none'",
                        "form-action 'self' https://app.example.com");
    }

    @Test
    void consentPageWhenClientNameHasBidiAndInvisibleCharactersThenStrippedAndNoClientUriOrLogo() throws Exception {
        // Registration already refuses C0/C1 controls in client_name; format and separator characters get through.
        String claimed = "Trusted\u202E\u2066Bank\u2069\u202C\u200E\u200F\u061C\u200B App\u2028\uFEFF";
        String client =
                AuthorizeFixtures.register("none", claimed, null, WEB_REDIRECT).getString("client_id");

        String body = alice.authorize(request(client, WEB_REDIRECT)).body();

        assertThat(body)
                .as("the claimed name without control and bidi characters")
                .contains("<q id=\"client-name\">TrustedBank App</q>");
        assertThat(body.codePoints()
                        .filter(c -> Character.getType(c) == Character.FORMAT
                                || (Character.getType(c) == Character.CONTROL && c != '\n')))
                .as("control or format characters on the page")
                .isEmpty();
        assertThat(body).as("nothing else the client chose").doesNotContain("client.example");
    }

    @Test
    void consentFormWhenPostedFromAnotherSessionOfTheSameUserThenForbiddenWithoutCode() throws Exception {
        String client = registerPublicClient(null, LOOPBACK_REDIRECT);
        Map<String, String> form = with(
                UserSession.hiddenFields(
                        alice.authorize(request(client, LOOPBACK_REDIRECT)).body()),
                "decision",
                "approve");

        HttpResponse<String> elsewhere =
                UserSession.loggedIn("alice", "alice-password").postForm("/oauth/authorize", form);

        assertThat(elsewhere.statusCode())
                .as("alice's consent form posted from another login session of alice: "
                        + elsewhere
                                .headers()
                                .firstValue("Location")
                                .map(l -> l.contains("code=") ? "a redirect with a code" : "a redirect")
                                .orElse("no redirect"))
                .isEqualTo(403);
        assertFormRefused(elsewhere);
        assertThat(elsewhere.body()).contains("another sign-in or another user");
        assertThat(alice.postForm("/oauth/authorize", form).statusCode())
                .as("the session it was shown in")
                .isEqualTo(303);
    }

    @Test
    void codeWhenApprovedLaterThenTokensCarryTheLoginTimeAsAuthTime() throws Exception {
        long beforeLogin = Instant.now().getEpochSecond();
        UserSession session = UserSession.loggedIn("alice", "alice-password");
        long afterLogin = Instant.now().getEpochSecond();
        Thread.sleep(3_000);
        String client = registerPublicClient(null, LOOPBACK_REDIRECT);
        Map<String, String> form = with(
                UserSession.hiddenFields(
                        session.authorize(request(client, LOOPBACK_REDIRECT)).body()),
                "decision",
                "approve");
        String code = UserSession.redirectParameters(session.postForm("/oauth/authorize", form))
                .get("code");

        TokenApi api = new TokenApi(LibertyServer.current());
        HttpResponse<String> tokens = api.token(
                TokenApi.form(
                        "grant_type",
                        "authorization_code",
                        "client_id",
                        client,
                        "code",
                        code,
                        "code_verifier",
                        AuthorizeFixtures.VERIFIER,
                        "redirect_uri",
                        LOOPBACK_REDIRECT,
                        "resource",
                        TokenApi.expectedResource()),
                null,
                null);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JWTClaimsSet claims = api.verify(RegistrationApi.json(tokens).getString("access_token"));

        long authTime = claims.getLongClaim("auth_time");
        assertThat(authTime)
                .as(
                        "auth_time is when alice logged in (%d..%d), not when the code was issued (iat %d)",
                        beforeLogin, afterLogin, claims.getIssueTime().getTime() / 1000)
                .isBetween(beforeLogin - 1, afterLogin + 1);
    }

    /**
     * The login moment travels in a cookie the servers sign: a user who edits it to claim an older or newer login (to
     * pass a client's max_age, say) is ignored, and the server records the moment of the request it next sees.
     */
    @Test
    void loginCookieWhenEditedThenIgnoredAndAuthTimeIsTheServersOwn() throws Exception {
        UserSession session = UserSession.loggedIn("alice", "alice-password");
        String genuine = session.cookie("__Host-portcullis-login");
        assertThat(genuine).as("the login cookie after the login").isNotNull();
        String[] parts = genuine.split("\\.");
        parts[1] = "1000000000"; // 2001-09-09: the MAC no longer matches
        session.replaceCookie("__Host-portcullis-login", String.join(".", parts));
        long beforeForgedUse = Instant.now().getEpochSecond();
        String client = registerPublicClient(null, LOOPBACK_REDIRECT);
        Map<String, String> form = with(
                UserSession.hiddenFields(
                        session.authorize(request(client, LOOPBACK_REDIRECT)).body()),
                "decision",
                "approve");
        String code = UserSession.redirectParameters(session.postForm("/oauth/authorize", form))
                .get("code");

        TokenApi api = new TokenApi(LibertyServer.current());
        HttpResponse<String> tokens = api.token(
                TokenApi.form(
                        "grant_type",
                        "authorization_code",
                        "client_id",
                        client,
                        "code",
                        code,
                        "code_verifier",
                        AuthorizeFixtures.VERIFIER,
                        "redirect_uri",
                        LOOPBACK_REDIRECT,
                        "resource",
                        TokenApi.expectedResource()),
                null,
                null);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        long authTime = api.verify(RegistrationApi.json(tokens).getString("access_token"))
                .getLongClaim("auth_time");

        assertThat(authTime)
                .as("auth_time after an edited login cookie")
                .isNotEqualTo(1_000_000_000L)
                .isGreaterThanOrEqualTo(beforeForgedUse - 1);
    }

    @Test
    void consentWhenDeniedThenAccessDeniedWithStateAndIss() throws Exception {
        Map<String, String> authorization = request(registerPublicClient(null, WEB_REDIRECT), WEB_REDIRECT);
        Map<String, String> form =
                with(UserSession.hiddenFields(alice.authorize(authorization).body()), "decision", "deny");

        HttpResponse<String> response = alice.postForm("/oauth/authorize", form);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith(WEB_REDIRECT + "?");
        assertThat(UserSession.redirectParameters(response))
                .containsEntry("error", "access_denied")
                .containsEntry("state", authorization.get("state"))
                .containsEntry("iss", RegistrationApi.expectedIssuer())
                .doesNotContainKey("code");
    }

    @Test
    void consentWhenCsrfTokenMissingWrongOrForOtherParametersThenForbiddenWithoutRedirect() throws Exception {
        String client = registerPublicClient(null, WEB_REDIRECT);
        Map<String, String> form = with(
                UserSession.hiddenFields(
                        alice.authorize(request(client, WEB_REDIRECT)).body()),
                "decision",
                "approve");

        assertFormRefused(alice.postForm("/oauth/authorize", with(form, "csrf_token", null)));
        assertFormRefused(alice.postForm("/oauth/authorize", with(form, "csrf_token", "9999999999.AAAA")));
        assertFormRefused(alice.postForm("/oauth/authorize", with(form, "scope", "pets:read pets:write")));
        assertFormRefused(UserSession.loggedIn("bob", "bob-password").postForm("/oauth/authorize", form));
    }

    @Test
    void consentWhenApprovedThenCodeWithStateAndIss() throws Exception {
        Map<String, String> authorization = request(registerPublicClient(null, WEB_REDIRECT), WEB_REDIRECT);
        Map<String, String> form =
                with(UserSession.hiddenFields(alice.authorize(authorization).body()), "decision", "approve");

        HttpResponse<String> response = alice.postForm("/oauth/authorize", form);

        assertThat(response.statusCode()).isEqualTo(303);
        Map<String, String> parameters = UserSession.redirectParameters(response);
        assertThat(parameters.get("code")).matches("[A-Za-z0-9_-]{43}");
        assertThat(parameters)
                .containsEntry("state", authorization.get("state"))
                .containsEntry("iss", RegistrationApi.expectedIssuer());
    }

    private static void assertRedirectedError(Map<String, String> request, String error, String description)
            throws Exception {
        HttpResponse<String> response = alice.authorize(request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow())
                .startsWith(request.get("redirect_uri") + "?");
        Map<String, String> parameters = UserSession.redirectParameters(response);
        assertThat(parameters)
                .containsEntry("error", error)
                .containsEntry("iss", RegistrationApi.expectedIssuer())
                .containsEntry("state", request.get("state"));
        assertThat(parameters.get("error_description")).contains(description);
    }

    /** The consent page, or (when alice approved this client before) the code straight away. */
    private static void assertAccepted(HttpResponse<String> response) {
        if (response.statusCode() == 302) {
            assertThat(UserSession.redirectParameters(response)).containsKey("code");
        } else {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("id=\"approve\"");
        }
    }

    static void assertErrorPage(HttpResponse<String> response, String error) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("<code id=\"error\">" + error + "</code>");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    static void assertFormRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("<code id=\"error\">invalid_request</code>");
    }
}
