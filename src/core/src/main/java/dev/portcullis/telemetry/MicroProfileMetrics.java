package dev.portcullis.telemetry;

import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Metrics through the MicroProfile Metrics 5.1 API, in the application registry. The server exposes them; on Open
 * Liberty {@code mpMetrics-5.1} serves them at {@code /metrics} in Prometheus text format. Loaded by
 * {@link Backends} only when the API is there.
 *
 * <p>Counters and timers are looked up once per name and labels and kept: a registry lookup builds the metadata and
 * tags and, on Liberty, merges the application's tags and reads MicroProfile Config each time, a fifth of a
 * {@code tools/call}'s time in the profile of src/docs/benchmarks.md. The label values come from a bounded set (methods,
 * tool names, outcomes), and past {@value #MAX_CACHED} handles the registry is asked again instead of caching more.
 */
final class MicroProfileMetrics implements MetricsBackend {

    static final int MAX_CACHED = 4096;

    private final MetricRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    /** {@code beans}: an injected {@code Instance}, so the registry's producer sees an injection point. */
    MicroProfileMetrics(Instance<Object> beans) {
        this.registry =
                Objects.requireNonNull(beans.select(MetricRegistry.class).get(), "MetricRegistry");
    }

    @Override
    public void increment(String name, String description, String... labels) {
        String key = key(name, labels);
        Counter counter = counters.get(key);
        if (counter == null) {
            counter = registry.counter(metadata(name, description, MetricUnits.NONE), tags(labels));
            if (counters.size() < MAX_CACHED) {
                counters.put(key, counter);
            }
        }
        counter.inc();
    }

    @Override
    public void register(String name, String description, String... labels) {
        registry.counter(metadata(name, description, MetricUnits.NONE), tags(labels));
    }

    @Override
    public void time(String name, String description, Duration duration, String... labels) {
        String key = key(name, labels);
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = registry.timer(metadata(name, description, MetricUnits.SECONDS), tags(labels));
            if (timers.size() < MAX_CACHED) {
                timers.put(key, timer);
            }
        }
        timer.update(duration);
    }

    /** Name and labels in one string; a NUL never occurs in a metric name or label. */
    static String key(String name, String... labels) {
        StringBuilder key = new StringBuilder(name);
        for (String label : labels) {
            key.append('\0').append(label);
        }
        return key.toString();
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
