package dev.portcullis.oauth.revocation;

import dev.portcullis.oauth.grant.AuthorizationCodeReplayed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A replayed authorization code revokes every token issued from it: each family started from its grant, with
 * their refresh tokens and access tokens.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1-13#section-4.1.3">OAuth 2.1 section 4.1.3</a>
 */
@ApplicationScoped
public class CodeReplayRevoker {

    @EJB
    private RevocationService revocations;

    void revoke(@Observes AuthorizationCodeReplayed replayed) {
        revocations.revokeGrant(replayed.grantId());
    }
}
