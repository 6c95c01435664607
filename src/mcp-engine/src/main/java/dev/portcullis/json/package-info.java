/**
 * How every module reads and builds JSON-P: {@link dev.portcullis.json.JsonInput}, the one reader of JSON text
 * (depth and size limits, UTF-8 only, every failure a {@code JsonException}), and
 * {@link dev.portcullis.json.Jsons}, the one shared provider. Their users are the MCP engine, the web module's
 * {@code /mcp} and resource server, and the authorization server's core and pages alike, so the package sits in the
 * lowest module they all depend on, {@code src/mcp-engine} ({@code src/mcp-api}, below it, is the tool authors' API
 * and adds nothing public; it keeps its own provider). It imports nothing of the application: the bottom layer of
 * src/docs/architecture.md, which {@code ArchitectureTest} checks.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8259">RFC 8259, JSON</a>
 */
package dev.portcullis.json;
