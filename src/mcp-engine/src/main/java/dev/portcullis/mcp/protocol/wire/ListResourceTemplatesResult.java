package dev.portcullis.mcp.protocol.wire;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * {@code ListResourceTemplatesResult} of {@code resources/templates/list}: one page of the descriptors (each a {@link ResourceTemplate} mapped when the registry was
 * built) and the cursor of the next page, if any (PaginatedResult). In 2026-07-28 the dispatcher adds the common and
 * cacheable result fields ({@code resultType}, {@code ttlMs}, {@code cacheScope}, {@code _meta}).
 *
 * @param nextCursor absent on the last page
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema#listresourcetemplatesresult">ListResourceTemplatesResult 2025-11-25</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/schema#listresourcetemplatesresult">ListResourceTemplatesResult 2026-07-28</a>
 */
@JsonbPropertyOrder({"resourceTemplates", "nextCursor"})
public record ListResourceTemplatesResult(List<JsonObject> resourceTemplates, String nextCursor) {}
