package dev.portcullis.mcp.protocol.wire;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * {@code ListPromptsResult} of {@code prompts/list}: one page of the descriptors (each a {@link Prompt} mapped when the registry was
 * built) and the cursor of the next page, if any (PaginatedResult). In 2026-07-28 the dispatcher adds the common and
 * cacheable result fields ({@code resultType}, {@code ttlMs}, {@code cacheScope}, {@code _meta}).
 *
 * @param nextCursor absent on the last page
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema#listpromptsresult">ListPromptsResult 2025-11-25</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/schema#listpromptsresult">ListPromptsResult 2026-07-28</a>
 */
@JsonbPropertyOrder({"prompts", "nextCursor"})
public record ListPromptsResult(List<JsonObject> prompts, String nextCursor) {}
