package dev.portcullis.audit;

import dev.portcullis.platform.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Stores one batch of records in a transaction of its own (on the audit executor, never on a request): one JDBC batch
 * of INSERTs ({@link AuditInserts}) on the persistence unit's datasource, enlisted in the container's transaction.
 * Not {@code EntityManager.persist}: the identity column {@code RECORD_ID} is what orders the trail, so EclipseLink had
 * to flush every record on its own (it inserts a unit of work's new objects in no set order, and cannot batch inserts
 * whose identity it must read back), which cost one round trip, one identity read and one unit-of-work pass per record
 * (19% of the server's CPU under load, src/docs/benchmarks.md). The rows are the ones the entity
 * {@code AuditRecordEntity} maps (the same columns and the same {@code InstantConverter} for the time), and nothing
 * reads them back from the shared cache: the trail is only ever queried. A stateless session bean, like every class of
 * this module that uses the database: Payara resolves a CDI bean's resources in the module of its caller, and dropped
 * every batch ("the database refused a batch") while this was a CDI bean.
 */
@Stateless
public class AuditWriter {

    @Resource(lookup = SchemaMigration.DATASOURCE)
    private DataSource dataSource;

    /** Inserts {@code batch} in queue order; any database error rolls the whole batch back (it is then dropped). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void write(List<AuditRecord> batch) {
        try (Connection connection = dataSource.getConnection()) {
            AuditInserts.insert(connection, batch);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "the database refused an audit batch (SQL state " + e.getSQLState() + ")", e);
        }
    }
}
