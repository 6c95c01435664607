package dev.portcullis.telemetry;

import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Metrics through the MicroProfile Metrics 5.1 API, in the application registry. The server exposes them; on Open
 * Liberty {@code mpMetrics-5.1} serves them at {@code /metrics} in Prometheus text format. Loaded by
 * {@link Backends} only when the API is there.
 */
final class MicroProfileMetrics implements MetricsBackend {

    private final MetricRegistry registry;

    /** {@code beans}: an injected {@code Instance}, so the registry's producer sees an injection point. */
    MicroProfileMetrics(Instance<Object> beans) {
        this.registry =
                Objects.requireNonNull(beans.select(MetricRegistry.class).get(), "MetricRegistry");
    }

    @Override
    public void increment(String name, String description, String... labels) {
        registry.counter(metadata(name, description, MetricUnits.NONE), tags(labels))
                .inc();
    }

    @Override
    public void register(String name, String description, String... labels) {
        registry.counter(metadata(name, description, MetricUnits.NONE), tags(labels));
    }

    @Override
    public void time(String name, String description, Duration duration, String... labels) {
        registry.timer(metadata(name, description, MetricUnits.SECONDS), tags(labels))
                .update(duration);
    }

    @Override
    public void gauge(String name, String description, LongSupplier value) {
        registry.gauge(metadata(name, description, MetricUnits.NONE), value, LongSupplier::getAsLong);
    }

    private static Metadata metadata(String name, String description, String unit) {
        return Metadata.builder()
                .withName(name)
                .withDescription(description)
                .withUnit(unit)
                .build();
    }

    private static Tag[] tags(String... labels) {
        Tag[] tags = new Tag[labels.length / 2];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new Tag(labels[2 * i], labels[2 * i + 1]);
        }
        return tags;
    }
}
