package dev.portcullis.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.portcullis.persistence.InstantConverter;
import dev.portcullis.platform.DerbyFixture;
import dev.portcullis.platform.Migrated;
import dev.portcullis.platform.PostgresFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail's JDBC batch against the migrated schema, on a real embedded Derby and a real PostgreSQL: rows in
 * queue order, every column as the entity maps it (the time read back through the entity's converter is the recorded
 * instant), nulls kept, and a refused batch leaves nothing behind.
 */
class AuditInsertsTest {

    /** Microseconds: PostgreSQL's TIMESTAMP keeps no more, Derby keeps nanoseconds; EclipseLink bound the same value. */
    private static final Instant T0 = Instant.parse("2026-12-07T23:59:58.123456Z");

    @TempDir
    Path dir;

    @Test
    void insertWhenDerbyThenRowsInQueueOrderWithEveryColumn() throws SQLException {
        assertInsertsInOrder(Migrated.schema(DerbyFixture.newDatabase(dir)));
    }

    @Test
    void insertWhenPostgresqlThenRowsInQueueOrderWithEveryColumn() throws SQLException {
        assumeTrue(PostgresFixture.available(), "PostgreSQL is not installed (.ci/run installs the Debian package)");
        try (PostgresFixture postgres = PostgresFixture.start()) {
            assertInsertsInOrder(Migrated.schema(postgres.dataSource("portcullis")));
        }
    }

    @Test
    void insertWhenOneRecordIsRefusedThenTheTransactionKeepsNoneOfTheBatch() throws SQLException {
        DataSource dataSource = Migrated.schema(DerbyFixture.newDatabase(dir));
        AuditRecord tooLong = record(1, "x".repeat(41)); // EVENT_TYPE is VARCHAR(40)
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // as in the container's transaction
            assertThatThrownBy(() -> AuditInserts.insert(c, List.of(record(0, "mcp.tools.call"), tooLong)))
                    .isInstanceOf(SQLException.class);
            c.rollback();
        }
        assertThat(rows(dataSource)).isEmpty();
    }

    private static void assertInsertsInOrder(DataSource dataSource) throws SQLException {
        List<AuditRecord> batch = new ArrayList<>(IntStream.range(0, 200)
                .mapToObj(i -> record(i, "mcp.tools.call"))
                .toList());
        batch.set(
                7, new AuditRecord(T0, "client.registered", "success", null, null, null, null, null, null, null, null));
        try (Connection c = dataSource.getConnection()) {
            AuditInserts.insert(c, batch);
            AuditInserts.insert(c, List.of());
        }

        List<AuditRecord> read = rows(dataSource);

        assertThat(read).containsExactlyElementsOf(batch);
    }

    private static AuditRecord record(int i, String type) {
        return new AuditRecord(
                T0.plusMillis(i),
                type,
                i % 2 == 0 ? "success" : "failure",
                "alice",
                "client-" + i,
                "list_pets",
                i % 2 == 0 ? null : 403,
                i * 10L,
                "req-" + i,
                "flow-" + i,
                "{\"n\":" + i + "}");
    }

    /** Every row by RECORD_ID, mapped back as the entity maps the columns. */
    private static List<AuditRecord> rows(DataSource dataSource) throws SQLException {
        InstantConverter time = new InstantConverter();
        List<AuditRecord> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT OCCURRED_AT, EVENT_TYPE, OUTCOME, SUBJECT, CLIENT_ID, TARGET,"
                        + " ERROR_CODE, DURATION_MICROS, REQUEST_ID, FLOW_ID, DETAILS FROM AUDIT_RECORD"
                        + " ORDER BY RECORD_ID")) {
            while (rs.next()) {
                rows.add(new AuditRecord(
                        time.convertToEntityAttribute(rs.getTimestamp(1)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7) == null ? null : rs.getInt(7),
                        rs.getObject(8) == null ? null : rs.getLong(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11)));
            }
        }
        return rows;
    }
}
