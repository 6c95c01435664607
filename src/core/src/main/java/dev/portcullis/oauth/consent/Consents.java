package dev.portcullis.oauth.consent;

import dev.portcullis.oauth.registration.Secrets;
import dev.portcullis.persistence.ConsentEntity;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The consent store: one row per user, client and approved scope set. A request is covered when some remembered
 * set contains every scope it asks for, so approving {@code pets:read pets:write} also covers {@code pets:read}
 * alone; a wider request asks again.
 */
@Stateless
public class Consents {

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @Inject
    private Event<ConsentWithdrawn> withdrawn;

    private final Clock clock = Clock.systemUTC();

    /** Whether the user approved the client for at least these scopes. */
    public boolean covers(String subject, String clientId, Collection<String> scopes) {
        return forClient(subject, clientId).stream().anyMatch(row -> words(row.getScope()).containsAll(scopes));
    }

    /** Remembers the approval, unless an existing one already covers it. */
    public void remember(String subject, String clientId, Collection<String> scopes) {
        if (covers(subject, clientId, scopes)) {
            return;
        }
        String scope = String.join(" ", new TreeSet<>(scopes));
        em.persist(new ConsentEntity(Secrets.random(24), subject, clientId, scope,
                clock.instant().truncatedTo(ChronoUnit.SECONDS)));
    }

    /** The user's remembered approvals, newest first. */
    public List<RememberedConsent> of(String subject) {
        return em.createNamedQuery(ConsentEntity.BY_SUBJECT, ConsentEntity.class).setParameter("subject", subject)
                .getResultList().stream().map(row -> new RememberedConsent(row.getConsentId(), row.getClientId(),
                        List.copyOf(words(row.getScope())), row.getGrantedAt())).toList();
    }

    /**
     * Withdraws one of the user's approvals; another user's id is ignored. Returns whether one was removed. In the
     * same transaction, {@link ConsentWithdrawn} ends every token family and outstanding code of that client for
     * the user, so access tokens already issued stop working at {@code /mcp} too.
     */
    public boolean withdraw(String subject, String consentId) {
        ConsentEntity row = consentId == null ? null : em.find(ConsentEntity.class, consentId);
        if (row == null || !row.getSubject().equals(subject)) {
            return false;
        }
        em.remove(row);
        withdrawn.fire(new ConsentWithdrawn(subject, row.getClientId()));
        return true;
    }

    private List<ConsentEntity> forClient(String subject, String clientId) {
        return em.createNamedQuery(ConsentEntity.BY_SUBJECT_AND_CLIENT, ConsentEntity.class)
                .setParameter("subject", subject).setParameter("clientId", clientId).getResultList();
    }

    private static TreeSet<String> words(String value) {
        return new TreeSet<>(Arrays.stream(value.trim().split(" +")).filter(w -> !w.isEmpty()).toList());
    }
}
