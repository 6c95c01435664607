package dev.portcullis.oauth.registration;

import dev.portcullis.persistence.ClientEntity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * The write behind {@link ClientUsage}: a conditional UPDATE of {@code LAST_USED_AT} in a transaction of its own,
 * so the token response never waits on, or rolls back with, this bookkeeping, and tokens whose use was recorded
 * within the hour start no transaction at all. A session bean, not a CDI bean: the persistence unit belongs to this
 * EJB module, and Payara resolves a CDI bean's persistence context in its caller's module (the token endpoint's web
 * module, where "Unable to retrieve EntityManagerFactory for unitName portcullis" failed every token request).
 */
@Stateless
public class ClientUsageWrites {

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void markUsed(String clientId, Instant now) {
        em.createNamedQuery(ClientEntity.MARK_USED)
                .setParameter("now", now)
                .setParameter("clientId", clientId)
                .setParameter("staleBefore", now.minus(ClientUsage.GRANULARITY))
                .executeUpdate();
    }
}
