package dev.portcullis.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Objects;

/**
 * Spans through the OpenTelemetry API as MicroProfile Telemetry provides it: the {@link Tracer} bean (MicroProfile
 * Telemetry 2.0, "Tracing"). Whether spans are recorded and where they go is the server's configuration
 * ({@code otel.sdk.disabled}, {@code otel.traces.exporter}, ...); with the SDK disabled, the default, every call
 * here is a no-op of the API. Loaded by {@link Backends} only when the API is there.
 */
final class OpenTelemetryTracing implements TracingBackend {

    private final Tracer tracer;

    OpenTelemetryTracing(Instance<Object> beans) {
        this.tracer = Objects.requireNonNull(beans.select(Tracer.class).get(), "Tracer");
    }

    @Override
    public TelemetrySpan start(String name, Map<String, String> attributes) {
        SpanBuilder builder = tracer.spanBuilder(name);
        attributes.forEach((key, value) -> {
            if (value != null) {
                builder.setAttribute(key, value);
            }
        });
        Span span = builder.startSpan();
        Scope scope = span.makeCurrent();
        return errorCode -> {
            try {
                if (errorCode != null) {
                    span.setAttribute("portcullis.error_code", errorCode);
                    span.setStatus(StatusCode.ERROR, errorCode);
                }
            } finally {
                scope.close();
                span.end();
            }
        };
    }

    @Override
    public void annotate(String key, String value) {
        if (value != null) {
            Span.current().setAttribute(key, value);
        }
    }
}
