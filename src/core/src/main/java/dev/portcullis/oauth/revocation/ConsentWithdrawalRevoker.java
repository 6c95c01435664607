package dev.portcullis.oauth.revocation;

import dev.portcullis.oauth.consent.ConsentWithdrawn;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A withdrawn consent ends what the user authorized the client to do: every token family of that client and user
 * (refresh tokens and access tokens) and every outstanding authorization code, in the withdrawal's transaction.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700 section 4.14.2</a>
 */
@ApplicationScoped
public class ConsentWithdrawalRevoker {

    @EJB
    private RevocationService revocations;

    void revoke(@Observes ConsentWithdrawn withdrawn) {
        revocations.revokeAuthorizationsOf(withdrawn.clientId(), withdrawn.subject());
    }
}
