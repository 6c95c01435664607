package dev.portcullis.telemetry;

/** A started span; {@link #end} on the thread that started it (it restores the previous current span). */
public interface TelemetrySpan {

    /** @param errorCode null for success, otherwise the error's code (JSON-RPC code, OAuth error) as the status */
    void end(String errorCode);

    TelemetrySpan NONE = errorCode -> {};
}
