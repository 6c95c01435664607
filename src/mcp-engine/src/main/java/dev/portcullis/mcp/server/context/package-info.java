/**
 * One request being served ({@link dev.portcullis.mcp.server.context.RequestContext}: message, era, session,
 * caller, outbound channel, the answers it carries) and the interface of the per-method handlers
 * ({@link dev.portcullis.mcp.server.context.RequestHandler}) that the dispatcher routes to. Above {@code exchange}
 * and {@code input}; below every handler package.
 */
package dev.portcullis.mcp.server.context;
