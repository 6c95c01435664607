package dev.portcullis.audit;

import dev.portcullis.persistence.AuditRecordEntity;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the audit trail for the operator API: records matching an {@link AuditFilter}, in the order they were
 * recorded, a page at a time by keyset ({@code RECORD_ID} greater than the last one seen), so a page costs the same
 * however deep it is and records written meanwhile never shift a page. Also deletes records past retention.
 */
@Stateless
public class AuditRecords {

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    /** Up to {@code limit} records after {@code afterId} (0: from the start) that match {@code filter}. */
    public List<AuditRecordEntity> page(AuditFilter filter, long afterId, int limit) {
        return query(filter, afterId, "ASC", limit);
    }

    /** The newest {@code limit} records that match {@code filter}, newest first (the console's views). */
    public List<AuditRecordEntity> latest(AuditFilter filter, int limit) {
        return query(filter, 0, "DESC", limit);
    }

    /** How many records match {@code filter} (the console's counts; an indexed column in the filter keeps it cheap). */
    public long count(AuditFilter filter) {
        StringBuilder jpql = new StringBuilder("SELECT COUNT(r) FROM AuditRecordEntity r WHERE r.recordId > :after");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("after", 0L);
        conditions(jpql, params, filter);
        TypedQuery<Long> query = em.createQuery(jpql.toString(), Long.class);
        params.forEach(query::setParameter);
        return query.getSingleResult();
    }

    private List<AuditRecordEntity> query(AuditFilter filter, long afterId, String order, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT r FROM AuditRecordEntity r WHERE r.recordId > :after");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("after", afterId);
        conditions(jpql, params, filter);
        TypedQuery<AuditRecordEntity> query = em.createQuery(
                jpql.append(" ORDER BY r.recordId ").append(order).toString(), AuditRecordEntity.class);
        params.forEach(query::setParameter);
        return new ArrayList<>(query.setMaxResults(limit).getResultList());
    }

    private static void conditions(StringBuilder jpql, Map<String, Object> params, AuditFilter filter) {
        condition(jpql, params, "r.occurredAt >= :from", "from", filter.from());
        condition(jpql, params, "r.occurredAt < :to", "to", filter.to());
        condition(jpql, params, "r.subject = :subject", "subject", filter.subject());
        condition(jpql, params, "r.clientId = :clientId", "clientId", filter.clientId());
        condition(jpql, params, "r.eventType = :type", "type", filter.type());
        condition(jpql, params, "r.target = :target", "target", filter.target());
        condition(jpql, params, "r.outcome = :outcome", "outcome", filter.outcome());
        condition(jpql, params, "r.flowId = :flowId", "flowId", filter.flowId());
        condition(jpql, params, "r.requestId = :requestId", "requestId", filter.requestId());
    }

    /** Deletes records that occurred before {@code before}; returns how many. */
    public int purge(Instant before) {
        return em.createNamedQuery(AuditRecordEntity.PURGE)
                .setParameter("before", before)
                .executeUpdate();
    }

    private static void condition(
            StringBuilder jpql, Map<String, Object> params, String clause, String name, Object value) {
        if (value != null) {
            jpql.append(" AND ").append(clause);
            params.put(name, value);
        }
    }
}
