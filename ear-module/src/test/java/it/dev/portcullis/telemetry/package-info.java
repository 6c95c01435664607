/**
 * Observability seen from outside, with the real tools: a real Prometheus (the Debian package) scrapes the server
 * and is asked through its query API, an OTLP/HTTP receiver built on the OpenTelemetry protocol's own classes takes
 * the server's traces, and the JSON log is read line by line.
 */
package it.dev.portcullis.telemetry;
