package dev.portcullis.health;

import dev.portcullis.oauth.registration.ClientCleanupCounts;
import dev.portcullis.oauth.registration.UnusedClientPurge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Shows the removal of unused registrations ({@link UnusedClientPurge}) at {@code /health/live}: how many clients
 * this server removed since it started, by rule, and when the job last ran. Always UP: a failed run is logged and
 * retried, it does not make the server unhealthy.
 *
 * @see <a href="https://download.eclipse.org/microprofile/microprofile-health-4.0/microprofile-health-spec-4.0.html">MicroProfile Health 4.0</a>
 */
@Liveness
@ApplicationScoped
public class ClientCleanupCheck implements HealthCheck {

    static final String NAME = "client-cleanup";

    @Inject
    private ClientCleanupCounts counts;

    @Override
    public HealthCheckResponse call() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("removedNeverUsed", counts.removedNeverUsed());
        data.put("removedUnused", counts.removedUnused());
        data.put(
                "lastRun", counts.lastRun() == null ? "never" : counts.lastRun().toString());
        return new HealthCheckResponse(NAME, HealthCheckResponse.Status.UP, Optional.of(data));
    }
}
