package dev.portcullis.telemetry;

import jakarta.enterprise.inject.Instance;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Picks each backend by whether the server provides its API: the adapter class is loaded (inside the lambda, never earlier) only after its API class
 * resolved, so a server without MicroProfile Metrics or without MicroProfile Telemetry still deploys the application
 * (without those metrics or spans) instead of failing on a missing class.
 */
final class Backends {

    private static final Logger LOG = Logger.getLogger(Backends.class.getName());

    private Backends() {}

    static MetricsBackend metrics(Instance<Object> beans) {
        return load(
                "org.eclipse.microprofile.metrics.MetricRegistry",
                () -> new MicroProfileMetrics(beans),
                MetricsBackend.NONE,
                "MicroProfile Metrics");
    }

    static TracingBackend tracing(Instance<Object> beans) {
        return load(
                "io.opentelemetry.api.trace.Tracer",
                () -> new OpenTelemetryTracing(beans),
                TracingBackend.NONE,
                "MicroProfile Telemetry");
    }

    private static <T> T load(String apiClass, Supplier<T> adapter, T none, String api) {
        try {
            Class.forName(apiClass, false, Backends.class.getClassLoader());
            return adapter.get();
        } catch (ClassNotFoundException | LinkageError | RuntimeException absent) {
            LOG.log(Level.INFO, "{0} is not available on this server ({1}); its telemetry is off", new Object[] {
                api, absent.toString()
            });
            return none;
        }
    }
}
