package dev.portcullis.mcp.outbound;

import dev.portcullis.mcp.api.Downstream;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Finds every {@code @Downstream("name")} injection point and sets each named downstream up when the application
 * deploys: a missing or wrong key, an issuer without readable metadata, or token exchange at an authorization server
 * that does not offer it fails the deployment with a message naming the key (never a value), instead of failing
 * the first tool call.
 */
public class DownstreamExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(DownstreamExtension.class.getName());

    private final Set<String> names = new TreeSet<>();
    private final Map<String, DownstreamTokens> downstreams = new ConcurrentHashMap<>();

    /** The application's clock, resolved once the deployment is valid (an extension is no bean to inject into). */
    private volatile Clock clock;

    void collect(@Observes ProcessInjectionPoint<?, ?> event) {
        for (Annotation qualifier : event.getInjectionPoint().getQualifiers()) {
            if (qualifier instanceof Downstream downstream) {
                synchronized (names) {
                    names.add(downstream.value());
                }
            }
        }
    }

    void validate(@Observes AfterDeploymentValidation event, BeanManager beans) {
        Instance<Clock> clocks = beans.createInstance().select(Clock.class);
        // Payara gives this extension (in the EAR's lib/) a BeanManager that does not see ClockProducer
        // (".get()" failed every deployment: "WELD-001334: Unsatisfied dependencies for type Clock"); the system
        // clock in UTC is what ClockProducer gives.
        clock = clocks.isResolvable() ? clocks.get() : Clock.systemUTC();
        for (String name : names) {
            if (!DownstreamSettings.configured(ConfigProvider.getConfig(), name)) {
                LOG.warning(() -> "Outbound credentials: downstream " + name + " is not configured (set "
                        + DownstreamSettings.PREFIX + name + ".mode); its tools answer with an error");
                continue;
            }
            try {
                DownstreamTokens tokens = tokens(name);
                LOG.info(() -> "Outbound credentials: downstream " + name + " ready (" + tokens.url() + ")");
            } catch (DownstreamConfigurationException e) {
                LOG.severe("Outbound credentials: " + e.getMessage());
                event.addDeploymentProblem(e);
            }
        }
    }

    /** The downstream's tokens, set up on first use (a name looked up programmatically, not injected). */
    DownstreamTokens tokens(String name) {
        return downstreams.computeIfAbsent(
                name,
                n -> DownstreamSettings.configured(ConfigProvider.getConfig(), n)
                        ? DownstreamTokens.create(DownstreamSettings.read(ConfigProvider.getConfig(), n), clock)
                        : DownstreamTokens.unconfigured(n, clock));
    }
}
