package dev.portcullis.telemetry;

import java.time.Duration;
import java.util.function.LongSupplier;

/** Where metrics go: a counter, a timer or a gauge by name and label pairs ({@code "method", "tools/call"}). */
interface MetricsBackend {

    void increment(String name, String description, String... labels);

    /** Creates the counter at zero, so its series exists before the first event. */
    void register(String name, String description, String... labels);

    void time(String name, String description, Duration duration, String... labels);

    void gauge(String name, String description, LongSupplier value);

    MetricsBackend NONE = new MetricsBackend() {
        @Override
        public void increment(String name, String description, String... labels) {}

        @Override
        public void register(String name, String description, String... labels) {}

        @Override
        public void time(String name, String description, Duration duration, String... labels) {}

        @Override
        public void gauge(String name, String description, LongSupplier value) {}
    };
}
