package dev.portcullis.oauth.revocation;

import dev.portcullis.oauth.grant.AuthorizationCodeReplayed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A replayed authorization code revokes every token issued from it, and, since a replay means the code leaked,
 * everything the client holds for that user: each of their token families (refresh and access tokens) and every
 * outstanding code.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1-13#section-4.1.3">OAuth 2.1 section 4.1.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.5">RFC 9700 section 4.5</a>
 */
@ApplicationScoped
public class CodeReplayRevoker {

    @EJB
    private RevocationService revocations;

    void revoke(@Observes AuthorizationCodeReplayed replayed) {
        revocations.revokeGrant(replayed.grantId());
        revocations.revokeAuthorizationsOf(replayed.clientId(), replayed.subject());
    }
}
