package dev.portcullis.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped migrations, applied by Flyway to a real embedded Derby exactly as start-up applies them. */
class MigrationsTest {

    @TempDir
    Path dir;

    @Test
    void migrateWhenDatabaseEmptyThenCreatesEveryTable() throws SQLException {
        DataSource dataSource = DerbyFixture.newDatabase(dir);

        MigrateResult result = flyway(dataSource).migrate();

        assertThat(result.success).isTrue();
        assertThat(tables(dataSource)).contains("INSTALLATION", "PET", "OAUTH_CLIENT", "OAUTH_SIGNING_KEY");
    }

    @Test
    void migrateWhenAlreadyMigratedThenAppliesNothingAndKeepsData() throws SQLException {
        DataSource dataSource = DerbyFixture.newDatabase(dir);
        flyway(dataSource).migrate();
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().executeUpdate("INSERT INTO PET (NAME, SPECIES, STATUS, CREATED_AT, VERSION)"
                    + " VALUES ('Rex', 'dog', 'AVAILABLE', CURRENT_TIMESTAMP, 0)");
        }

        MigrateResult again = flyway(dataSource).migrate();

        assertThat(again.migrationsExecuted).isZero();
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM PET")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    private static Flyway flyway(DataSource dataSource) {
        return SchemaMigration.flyway(dataSource, MigrationsTest.class.getClassLoader());
    }

    private static List<String> tables(DataSource dataSource) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }
}
