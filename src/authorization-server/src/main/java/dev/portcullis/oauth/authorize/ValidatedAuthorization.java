package dev.portcullis.oauth.authorize;

import dev.portcullis.oauth.model.RegisteredClient;
import java.util.List;

/** An authorization request that passed every check, ready for consent. {@code state} may be null. */
public record ValidatedAuthorization(
        CheckedClient checked, String state, String codeChallenge, String resource, List<String> scopes) {

    public ValidatedAuthorization {
        scopes = List.copyOf(scopes);
    }

    public RegisteredClient client() {
        return checked.client();
    }

    public String clientId() {
        return checked.client().clientId();
    }

    public String redirectUri() {
        return checked.redirectUri();
    }

    public String scope() {
        return String.join(" ", scopes);
    }
}
