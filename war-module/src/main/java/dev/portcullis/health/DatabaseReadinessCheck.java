package dev.portcullis.health;

import dev.portcullis.platform.DatabaseReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers ({@link DatabaseReadiness}). */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    @Inject
    private DatabaseReadiness database;

    @Override
    public HealthCheckResponse call() {
        return database.call();
    }
}
