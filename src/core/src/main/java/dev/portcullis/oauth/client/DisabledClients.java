package dev.portcullis.oauth.client;

import dev.portcullis.audit.AuditEvent;
import dev.portcullis.audit.AuditEventType;
import dev.portcullis.audit.AuditTrail;
import dev.portcullis.oauth.grants.Grants;
import dev.portcullis.persistence.DisabledClientEntity;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Clients the operator disabled without deleting them, by {@code client_id}, so the same rule holds for a
 * registered client, a metadata-document client and a machine client from configuration. {@link #isDisabled} is the
 * one check; it runs where a client enters a flow: the authorization endpoint's client check (an error page, never a
 * redirect) and the token endpoint after client authentication ({@code TokenService}). Read from the database on
 * every call, so every server of a cluster applies a disable at once.
 *
 * <p>Disabling revokes everything the client holds ({@link Grants#revokeClient}: its families, codes, remembered
 * consents, and every access token issued to it so far), in the same transaction. Enabling only lets new grants
 * through: what the disable ended stays ended.
 *
 * <p>A session bean for the reason {@code ClientAuthenticator} is one: the persistence unit belongs to this module.
 */
@Stateless
public class DisabledClients {

    /** The longest client id there is: a metadata document's URL. */
    private static final int MAX_CLIENT_ID = 2048;

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @EJB
    private Grants grants;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    /** When and by whom a client was disabled. */
    public record Disabled(String clientId, Instant at, String by) {}

    /** Whether the operator disabled this client. */
    public boolean isDisabled(String clientId) {
        return stored(clientId) != null;
    }

    /** The client's disable, if it is disabled. */
    public Optional<Disabled> of(String clientId) {
        return Optional.ofNullable(stored(clientId))
                .map(d -> new Disabled(d.getClientId(), d.getDisabledAt(), d.getDisabledBy()));
    }

    /** Which of these clients are disabled (one query, for a page of the client list). */
    public Set<String> among(Collection<String> clientIds) {
        List<String> ids = clientIds.stream()
                .filter(id -> id != null && id.length() <= MAX_CLIENT_ID)
                .distinct()
                .toList();
        if (ids.isEmpty()) {
            return Set.of();
        }
        return em.createNamedQuery(DisabledClientEntity.AMONG, String.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Disables the client and revokes everything it holds; false (nothing changed) when it was disabled already or
     * the id cannot be one.
     */
    public boolean disable(String clientId, String operator) {
        if (clientId == null || clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID || isDisabled(clientId)) {
            return false;
        }
        em.persist(new DisabledClientEntity(clientId, clock.instant().truncatedTo(ChronoUnit.SECONDS), operator));
        em.flush();
        grants.revokeClient(clientId, "operator");
        audit.record(AuditEvent.of(AuditEventType.CLIENT_DISABLED)
                .subject(operator)
                .client(clientId)
                .detail("by", "operator"));
        return true;
    }

    /** Lets the client get new grants again; false when it was not disabled. */
    public boolean enable(String clientId, String operator) {
        DisabledClientEntity entry = stored(clientId);
        if (entry == null) {
            return false;
        }
        em.remove(entry);
        audit.record(AuditEvent.of(AuditEventType.CLIENT_ENABLED)
                .subject(operator)
                .client(clientId)
                .detail("by", "operator"));
        return true;
    }

    private DisabledClientEntity stored(String clientId) {
        return clientId == null || clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID
                ? null
                : em.find(DisabledClientEntity.class, clientId);
    }
}
