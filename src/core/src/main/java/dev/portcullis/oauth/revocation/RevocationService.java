package dev.portcullis.oauth.revocation;

import dev.portcullis.audit.AuditEvent;
import dev.portcullis.audit.AuditEventType;
import dev.portcullis.audit.AuditTrail;
import dev.portcullis.oauth.keys.Secrets;
import dev.portcullis.persistence.AuthorizationCodeEntity;
import dev.portcullis.persistence.RefreshTokenEntity;
import dev.portcullis.persistence.RevokedAccessTokenEntity;
import dev.portcullis.persistence.RevokedClientEntity;
import dev.portcullis.persistence.TokenFamilyEntity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Revokes tokens in the database and tells this server's {@link AccessTokenRevocations} at once (other servers
 * learn it within their refresh interval). Revoking a family revokes its refresh tokens and, through the family id
 * in their {@code jti}, its access tokens. Revocations run in their own transaction, so that they stay in force
 * when the request that detected the abuse (a replayed code, a reused refresh token) answers with an error.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7009#section-2.1">RFC 7009 section 2.1</a>
 */
@Stateless
public class RevocationService {

    private static final Logger LOG = Logger.getLogger(RevocationService.class.getName());

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @Inject
    private AccessTokenRevocations revocations;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    /**
     * A rotated refresh token of the family was used again after the grace window: records the replay and revokes the
     * family of {@code clientId} (its refresh tokens and the access tokens issued from it); false if there is no such
     * family, it is another client's, or it was already revoked. The family is read here, in a transaction of its own,
     * because the caller's transaction holds the presented token's row lock and must not wait on the family's row.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean revokeReplayedFamily(String familyId, String clientId) {
        TokenFamilyEntity family = em.find(TokenFamilyEntity.class, familyId);
        audit.record(AuditEvent.of(AuditEventType.REFRESH_REPLAYED)
                .outcome(AuditEvent.FAILED)
                .client(clientId)
                .subject(family == null ? null : family.getSubject())
                .flow(family == null ? null : family.getFlowId())
                .detail("family", familyId));
        if (family == null || family.isRevoked() || !family.getClientId().equals(clientId)) {
            return false;
        }
        family.revoke(clock.instant());
        revocations.familyRevoked(familyId);
        recordRevoked(family, "refresh_token_replayed");
        return true;
    }

    /** Revokes every family started from an authorization grant (its code was replayed); returns how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int revokeGrant(String grantId) {
        Instant now = clock.instant();
        var families = em.createNamedQuery(TokenFamilyEntity.FIND_BY_GRANT, TokenFamilyEntity.class)
                .setParameter("grantId", grantId)
                .getResultList();
        for (TokenFamilyEntity family : families) {
            family.revoke(now);
            revocations.familyRevoked(family.getFamilyId());
            recordRevoked(family, "code_replayed");
        }
        LOG.warning(() ->
                "Authorization grant " + grantId + " was replayed: " + families.size() + " token families revoked.");
        return families.size();
    }

    /**
     * Ends every authorization of {@code clientId} for {@code subject} at once (a withdrawn consent, a replayed
     * code): each of their token families (refresh tokens, and access tokens through the family id in their
     * {@code jti}) and every outstanding authorization code. Joins the caller's transaction. Returns the number of
     * families revoked.
     */
    public int revokeAuthorizationsOf(String clientId, String subject) {
        List<TokenFamilyEntity> families = em.createNamedQuery(
                        TokenFamilyEntity.ACTIVE_OF_CLIENT_AND_SUBJECT, TokenFamilyEntity.class)
                .setParameter("clientId", clientId)
                .setParameter("subject", subject)
                .getResultList();
        int codes = deleteUnusedCodes(
                em.createNamedQuery(AuthorizationCodeEntity.UNUSED_OF_CLIENT_AND_SUBJECT, String.class)
                        .setParameter("clientId", clientId)
                        .setParameter("subject", subject)
                        .getResultList());
        revoke(families, "authorizations_ended");
        LOG.fine(() -> "Ended the authorizations of a user for client " + clientId + ": " + families.size()
                + " token families and " + codes + " outstanding codes revoked.");
        return families.size();
    }

    /**
     * Ends everything a deleted client holds (RFC 7592 section 2.3): every token family and outstanding code, and every
     * access token issued to it up to now, families or not ({@code client_credentials}), through a client revocation
     * entry the resource server compares with each token's {@code iat}. Joins the caller's transaction.
     */
    public void revokeClient(String clientId) {
        Instant now = clock.instant();
        List<TokenFamilyEntity> families = em.createNamedQuery(
                        TokenFamilyEntity.ACTIVE_OF_CLIENT, TokenFamilyEntity.class)
                .setParameter("clientId", clientId)
                .getResultList();
        deleteUnusedCodes(em.createNamedQuery(AuthorizationCodeEntity.UNUSED_OF_CLIENT, String.class)
                .setParameter("clientId", clientId)
                .getResultList());
        revoke(families, "client_deleted");
        RevokedClientEntity entry = em.find(RevokedClientEntity.class, clientId);
        if (entry == null) {
            em.persist(new RevokedClientEntity(clientId, now));
        } else {
            entry.revokeAgain(now);
        }
        revocations.clientRevoked(clientId, now);
        LOG.fine(() -> "Client " + clientId + " was deleted: " + families.size()
                + " token families and its access tokens revoked.");
    }

    /**
     * Deletes these codes by primary key if still unused. Selecting first and deleting by key keeps the delete off
     * rows it does not remove: a replayed code's row is read-locked by the suspended redemption that detected the
     * replay, and a delete scanning by client would wait on it for the lock timeout.
     */
    private int deleteUnusedCodes(List<String> grantIds) {
        return grantIds.isEmpty()
                ? 0
                : em.createNamedQuery(AuthorizationCodeEntity.DELETE_UNUSED)
                        .setParameter("grantIds", grantIds)
                        .executeUpdate();
    }

    /** Revokes these families (an operator's or a user's action), in the caller's transaction. */
    public void revokeFamilies(List<TokenFamilyEntity> families, String reason) {
        revoke(families, reason);
    }

    private void revoke(List<TokenFamilyEntity> families, String reason) {
        Instant now = clock.instant();
        for (TokenFamilyEntity family : families) {
            family.revoke(now);
            revocations.familyRevoked(family.getFamilyId());
            recordRevoked(family, reason);
        }
    }

    private void recordRevoked(TokenFamilyEntity family, String reason) {
        audit.record(AuditEvent.of(AuditEventType.FAMILY_REVOKED)
                .subject(family.getSubject())
                .client(family.getClientId())
                .flow(family.getFlowId())
                .detail("family", family.getFamilyId())
                .detail("reason", reason));
    }

    /** RFC 7009 for a refresh token: revokes its family if the token is {@code clientId}'s; unknown tokens are ignored. */
    public void revokeRefreshToken(String token, String clientId) {
        RefreshTokenEntity refresh = em.find(RefreshTokenEntity.class, Secrets.fastHash(token));
        TokenFamilyEntity family = refresh == null ? null : em.find(TokenFamilyEntity.class, refresh.getFamilyId());
        if (family != null && family.getClientId().equals(clientId)) {
            family.revoke(clock.instant());
            revocations.familyRevoked(family.getFamilyId());
            recordRevoked(family, "revocation_request");
            LOG.fine(() -> "Client " + clientId + " revoked token family " + family.getFamilyId() + ".");
        }
    }

    /** RFC 7009 for an access token, by its {@code jti}; kept until {@code expiresAt}. */
    public void revokeAccessToken(String jti, String clientId, Instant expiresAt) {
        Instant now = clock.instant();
        if (expiresAt.isAfter(now) && em.find(RevokedAccessTokenEntity.class, jti) == null) {
            em.persist(new RevokedAccessTokenEntity(jti, clientId, expiresAt, now));
            revocations.accessTokenRevoked(jti);
            LOG.fine(() -> "Client " + clientId + " revoked access token " + jti + ".");
        }
    }

    /** The ids of families revoked after {@code since}. */
    public Set<String> familiesRevokedSince(Instant since) {
        return new HashSet<>(em.createNamedQuery(TokenFamilyEntity.REVOKED_SINCE, String.class)
                .setParameter("since", since)
                .getResultList());
    }

    /** Deleted clients revoked after {@code since}, with the instant up to which their access tokens are refused. */
    public Map<String, Instant> clientsRevokedSince(Instant since) {
        Map<String, Instant> clients = new HashMap<>();
        em.createNamedQuery(RevokedClientEntity.SINCE, RevokedClientEntity.class)
                .setParameter("since", since)
                .getResultList()
                .forEach(entry -> clients.put(entry.getClientId(), entry.getRevokedAt()));
        return clients;
    }

    /** The {@code jti}s of revoked access tokens that have not expired yet. */
    public Set<String> unexpiredRevokedAccessTokens() {
        return new HashSet<>(em.createNamedQuery(RevokedAccessTokenEntity.UNEXPIRED, String.class)
                .setParameter("now", clock.instant())
                .getResultList());
    }
}
