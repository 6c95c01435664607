package dev.portcullis.oauth.grant;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Fires {@link AuthorizationCodeReplayed} in a transaction of its own, so that what observers do (revoking
 * tokens) commits although the redemption that detected the replay fails and rolls back.
 */
@Stateless
public class CodeReplayNotifier {

    @Inject
    private Event<AuthorizationCodeReplayed> replayed;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void replayed(String grantId, String clientId, String subject) {
        replayed.fire(new AuthorizationCodeReplayed(grantId, clientId, subject));
    }
}
