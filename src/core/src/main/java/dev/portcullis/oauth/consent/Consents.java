package dev.portcullis.oauth.consent;

import dev.portcullis.audit.AuditEvent;
import dev.portcullis.audit.AuditEventType;
import dev.portcullis.audit.AuditTrail;
import dev.portcullis.oauth.keys.Secrets;
import dev.portcullis.oauth.model.RegisteredClient;
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
 * alone; a wider request asks again. Only a client whose identity is proven ({@link RegisteredClient#identityProven()})
 * has its approvals remembered and applied: for a public self-registered client any local program can register the
 * same loopback or private-use redirect URI and would receive a code without the user seeing a page.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8252#section-8.6">RFC 8252 section 8.6</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.1.1">RFC 9700 section 4.1.1</a>
 */
@Stateless
public class Consents {

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @Inject
    private Event<ConsentWithdrawn> withdrawn;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    /** Whether an approval for {@code client} may be remembered and applied at all. */
    public static boolean rememberable(RegisteredClient client) {
        return client.identityProven();
    }

    /** Whether the user approved the client for at least these scopes, and the client may use a remembered approval. */
    public boolean covers(String subject, RegisteredClient client, Collection<String> scopes) {
        return rememberable(client)
                && forClient(subject, client.clientId()).stream()
                        .anyMatch(row -> words(row.getScope()).containsAll(scopes));
    }

    /** Remembers the approval, unless the client may not use one or an existing one already covers it. */
    public void remember(String subject, RegisteredClient client, Collection<String> scopes) {
        if (!rememberable(client) || covers(subject, client, scopes)) {
            return;
        }
        String scope = String.join(" ", new TreeSet<>(scopes));
        em.persist(new ConsentEntity(
                Secrets.random(24),
                subject,
                client.clientId(),
                scope,
                clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        audit.record(AuditEvent.of(AuditEventType.CONSENT_REMEMBERED)
                .subject(subject)
                .client(client.clientId())
                .detail("scope", scope));
    }

    /** The user's remembered approvals, newest first. */
    public List<RememberedConsent> of(String subject) {
        return em
                .createNamedQuery(ConsentEntity.BY_SUBJECT, ConsentEntity.class)
                .setParameter("subject", subject)
                .getResultList()
                .stream()
                .map(row -> new RememberedConsent(
                        row.getConsentId(), row.getClientId(), List.copyOf(words(row.getScope())), row.getGrantedAt()))
                .toList();
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
        audit.record(AuditEvent.of(AuditEventType.CONSENT_WITHDRAWN)
                .subject(subject)
                .client(row.getClientId())
                .detail("scope", row.getScope()));
        return true;
    }

    private List<ConsentEntity> forClient(String subject, String clientId) {
        return em.createNamedQuery(ConsentEntity.BY_SUBJECT_AND_CLIENT, ConsentEntity.class)
                .setParameter("subject", subject)
                .setParameter("clientId", clientId)
                .getResultList();
    }

    private static TreeSet<String> words(String value) {
        return new TreeSet<>(Arrays.stream(value.trim().split(" +"))
                .filter(w -> !w.isEmpty())
                .toList());
    }
}
