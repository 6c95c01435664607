/**
 * Serving the deployed features: listing tools, resources, resource templates and prompts page by page,
 * {@code resources/read}, {@code prompts/get}, {@code completion/complete}, the access rules (roles and scopes) of
 * each feature ({@link dev.portcullis.mcp.server.features.FeatureAccess}) and running a tool under an observation
 * ({@link dev.portcullis.mcp.server.features.ToolRunner}). {@code tools/call} itself is in {@code tasks}, since a call
 * may become a task; this package reaches the task store only through
 * {@link dev.portcullis.mcp.server.features.FeatureAccess.TaskTools}.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/tools">Tools</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/resources">Resources</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/prompts">Prompts</a>
 */
package dev.portcullis.mcp.server.features;
