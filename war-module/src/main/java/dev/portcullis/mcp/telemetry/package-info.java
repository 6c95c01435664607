/**
 * The MCP engine's observations ({@link dev.portcullis.mcp.server.observation.McpInstrumentation}) as spans and metrics of the
 * application's {@link dev.portcullis.telemetry.Telemetry}: one span per JSON-RPC request under the server's span of
 * the HTTP request, one per tool bean call under it, and the request counters and timers.
 */
package dev.portcullis.mcp.telemetry;
