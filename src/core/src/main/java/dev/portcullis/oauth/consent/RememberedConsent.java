package dev.portcullis.oauth.consent;

import java.time.Instant;
import java.util.List;

/** One remembered approval: the user approved {@code scopes} for {@code clientId}. */
public record RememberedConsent(String consentId, String clientId, List<String> scopes, Instant grantedAt) {

    public RememberedConsent {
        scopes = List.copyOf(scopes);
    }
}
