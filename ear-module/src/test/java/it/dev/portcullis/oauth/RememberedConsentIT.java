package it.dev.portcullis.oauth;

import static it.dev.portcullis.oauth.AuthorizeFixtures.registerConfidentialClient;
import static it.dev.portcullis.oauth.AuthorizeFixtures.registerPublicClient;
import static it.dev.portcullis.oauth.AuthorizeFixtures.request;
import static it.dev.portcullis.oauth.AuthorizeFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Remembered consent over HTTPS: for a client whose identity is proven (here a confidential one), an approval covers
 * later requests for the same or fewer scopes, a wider request asks again, and the user withdraws it on
 * /oauth/consents (CSRF-protected), after which the client asks again. A public self-registered client, whose
 * loopback or private-use redirect any local program can register too (RFC 8252 section 8.6), is asked every time.
 */
class RememberedConsentIT {

    private static final String REDIRECT = "http://127.0.0.1:9/cb";

    @Test
    void publicLoopbackClientWhenApprovedOnceThenConsentPageEveryTime() throws Exception {
        UserSession alice = UserSession.loggedIn("alice", "alice-password");
        String client = registerPublicClient(null, REDIRECT);
        Map<String, String> form = with(
                UserSession.hiddenFields(
                        alice.authorize(request(client, REDIRECT)).body()),
                "decision",
                "approve");
        assertThat(alice.postForm("/oauth/authorize", form).statusCode()).isEqualTo(303);

        HttpResponse<String> again = alice.authorize(request(client, REDIRECT));
        assertThat(again.statusCode())
                .as("a second request of a public loopback client must show the consent page, got "
                        + again.headers()
                                .firstValue("Location")
                                .map(location -> "a redirect with a code")
                                .orElse("no page"))
                .isEqualTo(200);
        assertThat(again.body()).contains("id=\"approve\"", "id=\"remember-note\"", "You will be asked every time");
        assertThat(alice.get("/oauth/consents").body()).doesNotContain(client);
    }

    @Test
    void approvalWhenRememberedThenLaterRequestsSkipConsentUntilWithdrawn() throws Exception {
        UserSession bob = UserSession.loggedIn("bob", "bob-password");
        String client = registerConfidentialClient(REDIRECT);
        Map<String, String> both = with(request(client, REDIRECT), "scope", "pets:read pets:write");
        String page = bob.authorize(both).body();
        assertThat(page).contains("id=\"remember-note\"", "is not asked again");
        Map<String, String> form = with(UserSession.hiddenFields(page), "decision", "approve");
        assertThat(bob.postForm("/oauth/authorize", form).statusCode()).isEqualTo(303);

        HttpResponse<String> again = bob.authorize(with(request(client, REDIRECT), "scope", "pets:read"));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(UserSession.redirectParameters(again)).containsKey("code");
        assertThat(bob.authorize(with(request(client, REDIRECT), "scope", null)).statusCode())
                .isEqualTo(302);

        HttpResponse<String> list = bob.get("/oauth/consents");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(client, "pets:read pets:write");
        Map<String, String> withdraw =
                UserSession.hiddenFields(list.body().substring(list.body().indexOf(client)));
        AuthorizationEndpointIT.assertFormRefused(bob.postForm("/oauth/consents", with(withdraw, "csrf_token", null)));
        AuthorizationEndpointIT.assertFormRefused(
                UserSession.loggedIn("alice", "alice-password").postForm("/oauth/consents", withdraw));
        HttpResponse<String> withdrawn = bob.postForm("/oauth/consents", withdraw);
        assertThat(withdrawn.statusCode()).isEqualTo(303);
        assertThat(withdrawn.headers().firstValue("Location").orElseThrow())
                .isEqualTo(it.dev.portcullis.support.LibertyServer.current()
                        .url("/oauth/consents")
                        .toString());
        assertThat(bob.get("/oauth/consents").body()).doesNotContain(client);

        assertThat(bob.authorize(with(request(client, REDIRECT), "scope", "pets:read"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void approvalWhenOtherUserThenNotShared() throws Exception {
        String client = registerConfidentialClient(REDIRECT);
        UserSession bob = UserSession.loggedIn("bob", "bob-password");
        Map<String, String> form = with(
                UserSession.hiddenFields(
                        bob.authorize(request(client, REDIRECT)).body()),
                "decision",
                "approve");
        assertThat(bob.postForm("/oauth/authorize", form).statusCode()).isEqualTo(303);

        UserSession alice = UserSession.loggedIn("alice", "alice-password");
        assertThat(alice.authorize(request(client, REDIRECT)).statusCode()).isEqualTo(200);
    }
}
