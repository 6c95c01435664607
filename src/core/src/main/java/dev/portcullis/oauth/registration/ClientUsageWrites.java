package dev.portcullis.oauth.registration;

import dev.portcullis.persistence.ClientEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The write behind {@link ClientUsage}: a conditional UPDATE of {@code LAST_USED_AT} in a transaction of its own,
 * so the token response never waits on, or rolls back with, this bookkeeping, and tokens whose use was recorded
 * within the hour start no transaction at all.
 */
@ApplicationScoped
public class ClientUsageWrites {

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void markUsed(String clientId, Instant now) {
        em.createNamedQuery(ClientEntity.MARK_USED).setParameter("now", now).setParameter("clientId", clientId)
                .setParameter("staleBefore", now.minus(ClientUsage.GRANULARITY)).executeUpdate();
    }
}
