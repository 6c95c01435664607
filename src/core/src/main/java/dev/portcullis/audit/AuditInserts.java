package dev.portcullis.audit;

import dev.portcullis.persistence.InstantConverter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * The INSERT of audit records into {@code AUDIT_RECORD} (V50, V96): one prepared statement, one
 * {@link PreparedStatement#addBatch() batch} entry per record, executed once. JDBC runs a batch's commands in the order
 * they were added (JDBC 4.3, chapter 14, "Batch Updates"), so the identity column numbers the rows in queue order. Plain JDBC, so
 * the SQL is tested on Derby and PostgreSQL without a container ({@code AuditInsertsTest}).
 */
final class AuditInserts {

    static final String INSERT = "INSERT INTO AUDIT_RECORD (OCCURRED_AT, EVENT_TYPE, OUTCOME, SUBJECT, CLIENT_ID,"
            + " TARGET, ERROR_CODE, DURATION_MICROS, REQUEST_ID, FLOW_ID, DETAILS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The entity's own converter: a row written here reads back through JPA as the same instant. */
    private static final InstantConverter TIME = new InstantConverter();

    private AuditInserts() {}

    static void insert(Connection connection, List<AuditRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (AuditRecord r : records) {
                insert.setTimestamp(1, TIME.convertToDatabaseColumn(r.occurredAt()));
                insert.setString(2, r.type());
                insert.setString(3, r.outcome());
                insert.setString(4, r.subject());
                insert.setString(5, r.clientId());
                insert.setString(6, r.target());
                if (r.errorCode() == null) {
                    insert.setNull(7, Types.INTEGER);
                } else {
                    insert.setInt(7, r.errorCode());
                }
                if (r.durationMicros() == null) {
                    insert.setNull(8, Types.BIGINT);
                } else {
                    insert.setLong(8, r.durationMicros());
                }
                insert.setString(9, r.requestId());
                insert.setString(10, r.flowId());
                insert.setString(11, r.detailsJson());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
