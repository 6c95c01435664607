package dev.portcullis.telemetry;

import java.util.Map;

/** Where spans go. */
interface TracingBackend {

    /** Starts a span as a child of the current one and makes it current until {@link TelemetrySpan#end}. */
    TelemetrySpan start(String name, Map<String, String> attributes);

    /** Adds an attribute to the current span (the server's span of the HTTP request, when there is no other). */
    void annotate(String key, String value);

    TracingBackend NONE = new TracingBackend() {
        @Override
        public TelemetrySpan start(String name, Map<String, String> attributes) {
            return TelemetrySpan.NONE;
        }

        @Override
        public void annotate(String key, String value) {}
    };
}
