package dev.portcullis.oauth.revocation;

import dev.portcullis.oauth.registration.ClientDeleted;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A deleted client loses everything it was issued, in the deletion's transaction: token families, outstanding codes
 * and every access token (client_credentials ones too).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7592#section-2.3">RFC 7592 section 2.3</a>
 */
@ApplicationScoped
public class ClientDeletionRevoker {

    @EJB
    private RevocationService revocations;

    void revoke(@Observes ClientDeleted deleted) {
        revocations.revokeClient(deleted.clientId());
    }
}
