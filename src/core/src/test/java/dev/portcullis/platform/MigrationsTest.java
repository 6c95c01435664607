package dev.portcullis.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped migrations, applied by Flyway exactly as start-up applies them: to a real embedded Derby, and to a real
 * PostgreSQL server (the Debian package, {@link PostgresFixture}).
 */
class MigrationsTest {

    @TempDir
    Path dir;

    @Test
    void migrateWhenDatabaseEmptyThenCreatesEveryTable() throws SQLException {
        DataSource dataSource = DerbyFixture.newDatabase(dir);

        MigrateResult result = flyway(dataSource).migrate();

        assertThat(result.success).isTrue();
        assertThat(tables(dataSource))
                .contains("INSTALLATION", "PET", "OAUTH_CLIENT", "OAUTH_SIGNING_KEY", "OAUTH_CLIENT_DISABLED");
    }

    /** A metadata-document client's id is a URL of up to 2048 characters: it must fit where clients are revoked or disabled. */
    @Test
    void migrateWhenDoneThenRevokedAndDisabledClientsTakeLongMetadataDocumentIds() throws SQLException {
        DataSource dataSource = DerbyFixture.newDatabase(dir);
        flyway(dataSource).migrate();
        String url = "https://client.example/" + "m".repeat(1000) + ".json";
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.createStatement()
                            .executeUpdate("INSERT INTO OAUTH_REVOKED_CLIENT (CLIENT_ID, REVOKED_AT)" + " VALUES ('"
                                    + url + "', CURRENT_TIMESTAMP)"))
                    .isEqualTo(1);
            assertThat(c.createStatement()
                            .executeUpdate("INSERT INTO OAUTH_CLIENT_DISABLED (CLIENT_ID, DISABLED_AT, DISABLED_BY)"
                                    + " VALUES ('" + url + "', CURRENT_TIMESTAMP, 'auditor')"))
                    .isEqualTo(1);
        }
    }

    @Test
    void migrateWhenAlreadyMigratedThenAppliesNothingAndKeepsData() throws SQLException {
        DataSource dataSource = DerbyFixture.newDatabase(dir);
        flyway(dataSource).migrate();
        try (Connection c = dataSource.getConnection()) {
            c.createStatement()
                    .executeUpdate("INSERT INTO PET (NAME, SPECIES, STATUS, CREATED_AT, VERSION)"
                            + " VALUES ('Rex', 'dog', 'AVAILABLE', CURRENT_TIMESTAMP, 0)");
        }

        MigrateResult again = flyway(dataSource).migrate();

        assertThat(again.migrationsExecuted).isZero();
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM PET")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void migrateWhenPostgresqlEmptyThenCreatesTheSameTablesAsDerby() throws SQLException {
        assumeTrue(PostgresFixture.available(), "PostgreSQL is not installed (.ci/run installs the Debian package)");
        DataSource derby = DerbyFixture.newDatabase(dir);
        flyway(derby).migrate();
        try (PostgresFixture postgres = PostgresFixture.start()) {
            DataSource dataSource = postgres.dataSource("portcullis");

            MigrateResult result = flyway(dataSource).migrate();
            MigrateResult again = flyway(dataSource).migrate();

            assertThat(result.success).isTrue();
            assertThat(result.targetSchemaVersion)
                    .isEqualTo(flyway(derby).info().current().getVersion().getVersion());
            assertThat(again.migrationsExecuted).isZero();
            assertThat(columns(dataSource))
                    .as("the schema on PostgreSQL, table by table")
                    .isEqualTo(columns(derby));
        }
    }

    /**
     * V41 moved from {@code db/migration} into {@code db/vendor/derby} unchanged; a Derby database migrated before the
     * move (every migration in one folder) must still validate, or every existing installation would refuse to start.
     */
    @Test
    void validateWhenDerbyMigratedFromTheSingleFolderLayoutThenPassesAndAppliesNothing() throws Exception {
        Path oldLayout = Files.createDirectories(dir.resolve("old-layout"));
        for (Path folder : List.of(resourceFolder("db/migration"), resourceFolder("db/vendor/derby"))) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".sql"))
                        .toList()) {
                    Files.copy(file, oldLayout.resolve(file.getFileName()));
                }
            }
        }
        DataSource dataSource = DerbyFixture.newDatabase(dir);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("filesystem:" + oldLayout)
                .load()
                .migrate();

        Flyway current = flyway(dataSource);
        current.validate();
        MigrateResult again = current.migrate();

        assertThat(again.migrationsExecuted).isZero();
        assertThat(Stream.of(current.info().applied())
                        .map(MigrationInfo::getScript)
                        .toList())
                .contains("V41__oauth_refresh_successor_and_client_revocation.sql");
    }

    @Test
    void vendorWhenProductNameUnknownThenStartupFailureNamesIt() {
        assertThat(DatabaseVendor.fromProductName("Apache Derby")).isEqualTo(DatabaseVendor.DERBY);
        assertThat(DatabaseVendor.fromProductName("PostgreSQL")).isEqualTo(DatabaseVendor.POSTGRESQL);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DatabaseVendor.fromProductName("MySQL"))
                .isInstanceOf(StartupFailure.class)
                .hasMessageContaining("MySQL");
    }

    private static Path resourceFolder(String name) throws URISyntaxException {
        return Path.of(MigrationsTest.class
                        .getClassLoader()
                        .getResource(name + "/flyway.location")
                        .toURI())
                .getParent();
    }

    /** Table name to its column names, upper case, without Flyway's own history table. */
    private static Map<String, List<String>> columns(DataSource dataSource) throws SQLException {
        Map<String, List<String>> columns = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            String schema = c.getSchema();
            try (ResultSet rs = c.getMetaData().getColumns(null, schema, "%", "%")) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME").toUpperCase(java.util.Locale.ROOT);
                    if (!table.equals("FLYWAY_SCHEMA_HISTORY")) {
                        columns.computeIfAbsent(table, t -> new ArrayList<>())
                                .add(rs.getString("COLUMN_NAME").toUpperCase(java.util.Locale.ROOT));
                    }
                }
            }
        }
        columns.values().forEach(java.util.Collections::sort);
        return columns;
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
