package it.dev.portcullis.oauth;

import static it.dev.portcullis.oauth.AuthorizeFixtures.registerPublicClient;
import static it.dev.portcullis.oauth.AuthorizeFixtures.request;
import static it.dev.portcullis.oauth.AuthorizeFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Remembered consent over HTTPS: an approval covers later requests for the same or fewer scopes, a wider request
 * asks again, and the user withdraws it on /oauth/consents (CSRF-protected), after which the client asks again.
 */
class RememberedConsentIT {

    private static final String REDIRECT = "http://127.0.0.1:9/cb";

    @Test
    void approvalWhenRememberedThenLaterRequestsSkipConsentUntilWithdrawn() throws Exception {
        UserSession bob = UserSession.loggedIn("bob", "bob-password");
        String client = registerPublicClient(null, REDIRECT);
        Map<String, String> both = with(request(client, REDIRECT), "scope", "pets:read pets:write");
        Map<String, String> form = with(UserSession.hiddenFields(bob.authorize(both).body()), "decision", "approve");
        assertThat(bob.postForm("/oauth/authorize", form).statusCode()).isEqualTo(303);

        HttpResponse<String> again = bob.authorize(with(request(client, REDIRECT), "scope", "pets:read"));
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(UserSession.redirectParameters(again)).containsKey("code");
        assertThat(bob.authorize(with(request(client, REDIRECT), "scope", null)).statusCode()).isEqualTo(302);

        HttpResponse<String> list = bob.get("/oauth/consents");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(client, "pets:read pets:write");
        Map<String, String> withdraw = UserSession.hiddenFields(list.body().substring(list.body().indexOf(client)));
        AuthorizationEndpointIT.assertFormRefused(bob.postForm("/oauth/consents", with(withdraw, "csrf_token", null)));
        AuthorizationEndpointIT.assertFormRefused(UserSession.loggedIn("alice", "alice-password").postForm("/oauth/consents", withdraw));
        HttpResponse<String> withdrawn = bob.postForm("/oauth/consents", withdraw);
        assertThat(withdrawn.statusCode()).isEqualTo(303);
        assertThat(bob.get("/oauth/consents").body()).doesNotContain(client);

        assertThat(bob.authorize(with(request(client, REDIRECT), "scope", "pets:read")).statusCode()).isEqualTo(200);
    }

    @Test
    void approvalWhenOtherUserThenNotShared() throws Exception {
        String client = registerPublicClient(null, REDIRECT);
        UserSession bob = UserSession.loggedIn("bob", "bob-password");
        Map<String, String> form = with(UserSession.hiddenFields(bob.authorize(request(client, REDIRECT)).body()), "decision", "approve");
        assertThat(bob.postForm("/oauth/authorize", form).statusCode()).isEqualTo(303);

        UserSession alice = UserSession.loggedIn("alice", "alice-password");
        assertThat(alice.authorize(request(client, REDIRECT)).statusCode()).isEqualTo(200);
    }
}
