package dev.portcullis.oauth.grants;

import dev.portcullis.audit.AuditEvent;
import dev.portcullis.audit.AuditEventType;
import dev.portcullis.audit.AuditTrail;
import dev.portcullis.json.JsonInput;
import dev.portcullis.oauth.consent.Consents;
import dev.portcullis.oauth.consent.RememberedConsent;
import dev.portcullis.oauth.revocation.RevocationService;
import dev.portcullis.persistence.ClientEntity;
import dev.portcullis.persistence.TokenFamilyEntity;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and ends grants for the account and console pages. Every revocation goes through {@link RevocationService},
 * so refresh tokens of the family stop working at once and its access tokens are refused at {@code /mcp} (their
 * {@code jti} carries the family id); ending a client for a user also withdraws their remembered consent, so the
 * client asks again. Callers decide who may do what (the pages check the user and the operator group).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700 section 4.14.2 (refresh token revocation)</a>
 */
@Stateless
public class Grants {

    /** The most rows one page lists. */
    public static final int PAGE_SIZE = 20;

    private static final String NEWEST_FIRST = " ORDER BY c.issuedAt DESC, c.clientId";

    private static final String ACTIVE =
            "SELECT f FROM TokenFamilyEntity f WHERE f.revokedAt IS NULL AND f.expiresAt > :now";
    private static final String LAST_REFRESH =
            "SELECT t.issuedAt FROM RefreshTokenEntity t WHERE t.familyId = :familyId ORDER BY t.issuedAt DESC";

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @EJB
    private RevocationService revocations;

    @EJB
    private Consents consents;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    /** The active grants of one user, newest first. */
    public List<ActiveGrant> ofSubject(String subject) {
        return em
                .createQuery(ACTIVE + " AND f.subject = :subject ORDER BY f.createdAt DESC", TokenFamilyEntity.class)
                .setParameter("now", clock.instant())
                .setParameter("subject", subject)
                .setMaxResults(500)
                .getResultList()
                .stream()
                .map(this::grant)
                .toList();
    }

    /** The active grants of one client, newest first. */
    public List<ActiveGrant> ofClient(String clientId) {
        return em
                .createQuery(ACTIVE + " AND f.clientId = :clientId ORDER BY f.createdAt DESC", TokenFamilyEntity.class)
                .setParameter("now", clock.instant())
                .setParameter("clientId", clientId)
                .setMaxResults(500)
                .getResultList()
                .stream()
                .map(this::grant)
                .toList();
    }

    /**
     * One page of registered clients whose id or metadata contains {@code search} (case-insensitive, empty: all),
     * newest first, plus one extra row when a further page exists.
     */
    public List<ClientSummary> clients(String search, int page) {
        String term = Optional.ofNullable(search).orElse("").strip().toLowerCase(Locale.ROOT);
        // Without a term the page walks IX_OAUTH_CLIENT_NEWEST; a term has to look into every client's metadata.
        TypedQuery<ClientEntity> query = term.isEmpty()
                ? em.createQuery("SELECT c FROM ClientEntity c" + NEWEST_FIRST, ClientEntity.class)
                : em.createQuery(
                                "SELECT c FROM ClientEntity c WHERE LOWER(c.clientId) LIKE :like ESCAPE '\\'"
                                        + " OR LOWER(c.metadata) LIKE :like ESCAPE '\\'"
                                        + NEWEST_FIRST,
                                ClientEntity.class)
                        .setParameter(
                                "like",
                                "%"
                                        + term.replace("\\", "\\\\")
                                                .replace("%", "\\%")
                                                .replace("_", "\\_") + "%");
        return query.setFirstResult(Math.max(0, page) * PAGE_SIZE).setMaxResults(PAGE_SIZE + 1).getResultList().stream()
                .map(this::summary)
                .toList();
    }

    /** The registered client, if there is one. */
    public Optional<ClientSummary> client(String clientId) {
        return Optional.ofNullable(clientId == null ? null : em.find(ClientEntity.class, clientId))
                .map(this::summary);
    }

    /**
     * Revokes one family; with {@code subject} non-null only if it is that user's (a user ending their own grant).
     * Returns whether an active family was revoked.
     */
    public boolean revokeFamily(String familyId, String subject, String actor) {
        TokenFamilyEntity family = familyId == null ? null : em.find(TokenFamilyEntity.class, familyId);
        if (family == null
                || family.isRevoked()
                || (subject != null && !family.getSubject().equals(subject))) {
            return false;
        }
        revocations.revokeFamilies(List.of(family), "revoked_by_" + actor);
        return true;
    }

    /** Ends everything {@code clientId} holds for {@code subject} and forgets their remembered consent to it. */
    public int revokeClientFor(String subject, String clientId, String actor) {
        for (RememberedConsent consent : consents.of(subject)) {
            if (consent.clientId().equals(clientId)) {
                consents.withdraw(subject, consent.consentId());
            }
        }
        int families = revocations.revokeAuthorizationsOf(clientId, subject);
        audit.record(AuditEvent.of(AuditEventType.FAMILY_REVOKED)
                .subject(subject)
                .client(clientId)
                .detail("reason", "client_revoked_by_" + actor)
                .detail("families", String.valueOf(families)));
        return families;
    }

    /** Ends every grant of {@code subject}, for every client. Returns the number of clients. */
    public int revokeAllOf(String subject, String actor) {
        Set<String> clients = new LinkedHashSet<>();
        ofSubject(subject).forEach(grant -> clients.add(grant.clientId()));
        consents.of(subject).forEach(consent -> clients.add(consent.clientId()));
        clients.forEach(clientId -> revokeClientFor(subject, clientId, actor));
        return clients.size();
    }

    /**
     * Ends everything {@code clientId} holds, for every user: its families, codes and every access token issued
     * to it so far ({@link RevocationService#revokeClient}), and every remembered consent to it.
     */
    public void revokeClient(String clientId, String actor) {
        if (clientId == null) {
            return;
        }
        for (String subject : em.createQuery(
                        "SELECT c.subject FROM ConsentEntity c WHERE c.clientId = :clientId", String.class)
                .setParameter("clientId", clientId)
                .getResultList()) {
            consents.of(subject).stream()
                    .filter(c -> c.clientId().equals(clientId))
                    .forEach(c -> consents.withdraw(subject, c.consentId()));
        }
        revocations.revokeClient(clientId);
        audit.record(AuditEvent.of(AuditEventType.FAMILY_REVOKED)
                .client(clientId)
                .detail("reason", "client_revoked_by_" + actor));
    }

    private ActiveGrant grant(TokenFamilyEntity family) {
        Instant last = em.createQuery(LAST_REFRESH, Instant.class)
                .setParameter("familyId", family.getFamilyId())
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(null);
        return new ActiveGrant(
                family.getFamilyId(),
                family.getClientId(),
                family.getSubject(),
                family.getScope(),
                family.getCreatedAt(),
                last == null ? family.getCreatedAt() : last,
                family.getExpiresAt());
    }

    private ClientSummary summary(ClientEntity client) {
        long active = em.createQuery(
                        "SELECT COUNT(f) FROM TokenFamilyEntity f WHERE f.clientId = :clientId"
                                + " AND f.revokedAt IS NULL AND f.expiresAt > :now",
                        Long.class)
                .setParameter("clientId", client.getClientId())
                .setParameter("now", clock.instant())
                .getSingleResult();
        return new ClientSummary(
                client.getClientId(),
                clientName(client.getMetadata()),
                client.getTokenEndpointAuthMethod(),
                client.getIssuedAt(),
                client.getLastUsedAt(),
                active);
    }

    private static String clientName(String metadata) {
        if (metadata == null) {
            return "";
        }
        try {
            return JsonInput.readObject(metadata).getString("client_name", "");
        } catch (JsonException | ClassCastException e) {
            return "";
        }
    }
}
