package dev.portcullis.oauth.token;

import dev.portcullis.config.AuthServerConfig;
import dev.portcullis.oauth.grant.AuthorizationCodes;
import dev.portcullis.persistence.PersonalTokenEntity;
import dev.portcullis.persistence.RefreshTokenEntity;
import dev.portcullis.persistence.RevokedAccessTokenEntity;
import dev.portcullis.persistence.RevokedClientEntity;
import dev.portcullis.persistence.TokenFamilyEntity;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes what can no longer be used, every ten minutes: expired refresh tokens, families whose every token has
 * expired, revocation entries of access tokens that have expired anyway (by {@code jti}, or a deleted client's older
 * than an access-token lifetime), and authorization codes past their replay
 * memory ({@link AuthorizationCodes#purgeExpired}). A non-persistent timer: each server
 * runs it, and the deletes are idempotent, so replicas need no coordination.
 */
@Singleton
public class ExpiredTokenPurge {

    private static final Logger LOG = Logger.getLogger(ExpiredTokenPurge.class.getName());

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @EJB
    private AuthorizationCodes authorizationCodes;

    @Inject
    private AuthServerConfig config;

    @Inject
    private Clock clock;

    @Schedule(hour = "*", minute = "*/10", persistent = false, info = "purge expired tokens")
    public void purge() {
        try {
            Instant now = clock.instant();
            int refreshTokens = em.createNamedQuery(RefreshTokenEntity.DELETE_EXPIRED)
                    .setParameter("before", now)
                    .executeUpdate();
            int families = em.createNamedQuery(TokenFamilyEntity.DELETE_EXPIRED)
                    .setParameter("before", now)
                    .executeUpdate();
            int revokedJtis = em.createNamedQuery(RevokedAccessTokenEntity.DELETE_EXPIRED)
                    .setParameter("before", now)
                    .executeUpdate();
            Instant clientsBefore = now.minus(config.accessTokenLifetime()).minus(Duration.ofMinutes(2));
            int revoked = revokedJtis
                    + em.createNamedQuery(RevokedClientEntity.DELETE_BEFORE)
                            .setParameter("before", clientsBefore)
                            .executeUpdate();
            int codes = authorizationCodes.purgeExpired(now);
            // A week after expiry, so the owner still sees a token that just ended on the account page.
            int personal = em.createNamedQuery(PersonalTokenEntity.PURGE)
                    .setParameter("before", now.minus(Duration.ofDays(7)))
                    .executeUpdate();
            LOG.fine(() -> "Purged " + refreshTokens + " refresh tokens, " + families + " token families, " + revoked
                    + " access-token revocations, " + codes + " authorization codes and " + personal
                    + " personal tokens.");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Purging expired tokens failed; the next run retries: {0}", e.toString());
        }
    }
}
