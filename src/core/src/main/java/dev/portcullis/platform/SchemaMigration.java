package dev.portcullis.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to the version this build expects, before anything else touches it.
 *
 * <p>Migrations are the {@code db/migration/V<n>__<what>.sql} files in the WAR, the same SQL for every database,
 * plus the few whose SQL must differ per database in {@code db/vendor/<vendor>/} ({@link DatabaseVendor}), applied
 * once each and recorded in Flyway's history table. A released migration is never edited; a schema change is a new
 * file. The vendor folders sit outside {@code db/migration} because Flyway scans a location recursively.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN) // Flyway manages its own transactions.
public class SchemaMigration {

    /** The JNDI name every server must bind; persistence.xml names the same one. */
    public static final String DATASOURCE = "jdbc/portcullis";

    private static final String MIGRATIONS = "classpath:db/migration";
    private static final String VENDOR_MIGRATIONS = "classpath:db/vendor/";
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    private String schemaVersion;

    @PostConstruct
    void migrate() {
        DataSource dataSource = lookupDataSource();
        try {
            MigrateResult result =
                    flyway(dataSource, getClass().getClassLoader()).migrate();
            schemaVersion =
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
            LOG.info(() -> "Database schema is at version " + schemaVersion + " (" + result.migrationsExecuted
                    + " migration(s) applied now).");
        } catch (FlywayException e) {
            throw new StartupFailure("the database schema could not be migrated: " + e.getMessage());
        }
    }

    /**
     * Flyway as start-up runs it. The empty {@code flyway.location} files in {@code db/migration}, in each
     * {@code db/vendor/<vendor>} (and in {@code db/callback}, which Flyway always looks at) are what let Flyway list
     * those directories through Liberty's class loader; a missing location is an error, never "no migrations".
     */
    static Flyway flyway(DataSource dataSource, ClassLoader classLoader) {
        DatabaseVendor vendor = DatabaseVendor.of(dataSource);
        return Flyway.configure(classLoader)
                .dataSource(dataSource)
                .locations(MIGRATIONS, VENDOR_MIGRATIONS + vendor.folder())
                .failOnMissingLocations(true)
                .load();
    }

    /** The schema version the database is at now. */
    public String schemaVersion() {
        return schemaVersion;
    }

    static DataSource lookupDataSource() {
        try {
            return (DataSource) new InitialContext().lookup(DATASOURCE);
        } catch (NamingException | ClassCastException e) {
            throw new StartupFailure("no datasource is bound at " + DATASOURCE
                    + ". Define a <dataSource jndiName=\"" + DATASOURCE + "\"> in the server configuration"
                    + " (liberty-config/includes/datasource-derby.xml on Open Liberty).");
        }
    }

    static void checkReachable(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new StartupFailure("the datasource " + DATASOURCE + " cannot open a connection ("
                    + rootMessage(e) + "). Check the datasource and, for the embedded Derby default,"
                    + " the variable derby.database.dir (environment variable DERBY_DATABASE_DIR).");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
