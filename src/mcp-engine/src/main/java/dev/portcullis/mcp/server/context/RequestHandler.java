package dev.portcullis.mcp.server.context;

import jakarta.json.JsonObject;

/** Serves one MCP method. Handlers throw {@code McpError} for JSON-RPC errors and never see HTTP. */
public interface RequestHandler {

    /** The method's result object, without the era's decorations ({@code resultType}, {@code _meta}). */
    JsonObject handle(RequestContext context);
}
