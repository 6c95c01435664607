/**
 * Traces and metrics through standard MicroProfile APIs only, each used when the server provides it: spans through
 * the OpenTelemetry API of MicroProfile Telemetry ({@link dev.portcullis.telemetry.OpenTelemetryTracing}), metrics
 * through the MicroProfile Metrics API ({@link dev.portcullis.telemetry.MicroProfileMetrics}), whose server exposes
 * them in Prometheus format. A server without one of them gets a no-op in its place instead of a failed deployment
 * ({@link dev.portcullis.telemetry.Backends}). {@link dev.portcullis.telemetry.Telemetry} is what the rest of the
 * application calls; it never receives a token, secret or argument value, only bounded labels. See
 * src/docs/observability.md.
 */
package dev.portcullis.telemetry;
