package dev.portcullis.audit;

import dev.portcullis.persistence.AuditRecordEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Stores one batch of records in a transaction of its own (on the audit executor, never on a request), inserted in
 * the order they were recorded: EclipseLink would otherwise insert a unit of work's new objects in no set order, and
 * the identity column is what orders the trail.
 */
@ApplicationScoped
public class AuditWriter {

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void write(List<AuditRecord> batch) {
        for (AuditRecord r : batch) {
            em.persist(new AuditRecordEntity(r.occurredAt(), r.type(), r.outcome(), r.subject(), r.clientId(), r.target(),
                    r.errorCode(), r.durationMicros(), r.requestId(), r.flowId(), r.detailsJson()));
            em.flush(); // one INSERT at a time, in queue order: RECORD_ID is the order the API shows
        }
    }
}
