package dev.portcullis.audit;

import dev.portcullis.persistence.AuditRecordEntity;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Stores one batch of records in a transaction of its own (on the audit executor, never on a request), inserted in
 * the order they were recorded: EclipseLink would otherwise insert a unit of work's new objects in no set order, and
 * the identity column is what orders the trail. A stateless session bean, like every class of this module that uses
 * the persistence unit: Payara resolves a CDI bean's {@code @PersistenceContext} in the module of its caller, and
 * dropped every batch ("the database refused a batch") while this was a CDI bean.
 */
@Stateless
public class AuditWriter {

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void write(List<AuditRecord> batch) {
        for (AuditRecord r : batch) {
            em.persist(new AuditRecordEntity(
                    r.occurredAt(),
                    r.type(),
                    r.outcome(),
                    r.subject(),
                    r.clientId(),
                    r.target(),
                    r.errorCode(),
                    r.durationMicros(),
                    r.requestId(),
                    r.flowId(),
                    r.detailsJson()));
            em.flush(); // one INSERT at a time, in queue order: RECORD_ID is the order the API shows
        }
    }
}
