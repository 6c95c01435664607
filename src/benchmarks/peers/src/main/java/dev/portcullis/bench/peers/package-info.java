/**
 * The official Java MCP SDK as a benchmark peer: its stateless servlet transport on Jetty 12 over HTTPS, serving the
 * same {@code echo} tool as the other targets of the side-by-side benchmark ({@code src/docs/benchmarks.md}), either
 * open or behind a servlet filter that verifies an ES256 access token with Nimbus JOSE+JWT on every request.
 * Started by the benchmark in a JVM of its own; never shipped.
 */
package dev.portcullis.bench.peers;
