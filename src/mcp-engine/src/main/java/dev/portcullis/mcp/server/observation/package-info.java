/**
 * The engine's two observation SPIs, implemented by the application: {@link
 * dev.portcullis.mcp.server.observation.McpObserver} hears every feature call answered
 * ({@link dev.portcullis.mcp.server.observation.ServedCall}) and every legacy session opened or ended (the audit
 * trail), and {@link dev.portcullis.mcp.server.observation.McpInstrumentation} times and traces requests and tool
 * runs (metrics, spans). Both see bounded labels only, never tokens. Imports none of its siblings.
 */
package dev.portcullis.mcp.server.observation;
