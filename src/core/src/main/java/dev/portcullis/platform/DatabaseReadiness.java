package dev.portcullis.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Ready only while the database answers: every OAuth and MCP request needs it. Served at {@code /health/ready} by the
 * root web module's readiness check: a {@code @Readiness} bean here, in the EJB module both web modules see, would be
 * found once per web module and listed twice.
 *
 * @see <a href="https://download.eclipse.org/microprofile/microprofile-health-4.0/microprofile-health-spec-4.0.html">MicroProfile Health 4.0</a>
 */
@ApplicationScoped
public class DatabaseReadiness {

    static final String NAME = "database";
    private static final int TIMEOUT_SECONDS = 2;
    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

    @Resource(lookup = SchemaMigration.DATASOURCE)
    private DataSource dataSource;

    @Inject
    private InstallationService installation;

    @Inject
    private SchemaMigration schema;

    protected DatabaseReadiness() {
        // for CDI
    }

    /** For tests that hand in a datasource of their own. */
    DatabaseReadiness(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The database check as MicroProfile Health reports it. */
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(TIMEOUT_SECONDS)) {
                return down("the connection was not valid");
            }
        } catch (SQLException e) {
            return down(e.getMessage());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        if (installation != null) {
            Installation current = installation.current();
            data.put("installation", current.id());
            data.put("starts", current.startCount());
        }
        if (schema != null) {
            data.put("schemaVersion", schema.schemaVersion());
        }
        return new HealthCheckResponse(NAME, HealthCheckResponse.Status.UP, Optional.of(data));
    }

    /** The reason goes to the log only: the health endpoint is public. */
    private static HealthCheckResponse down(String reason) {
        LOG.log(Level.WARNING, "Readiness: the database did not answer: {0}", reason);
        return new HealthCheckResponse(
                NAME, HealthCheckResponse.Status.DOWN, Optional.of(Map.of("error", "the database did not answer")));
    }
}
