package dev.portcullis.mcp.protocol.wire;

import dev.portcullis.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * {@code ListToolsResult} of {@code tools/list}: one page of the descriptors (each a {@link Tool} mapped when the
 * registry was built) and the cursor of the next page, if any (PaginatedResult). In 2026-07-28 the dispatcher adds
 * the common and cacheable result fields ({@code resultType}, {@code ttlMs}, {@code cacheScope}, {@code _meta}).
 *
 * <p>The record is the shape; the engine sends the page {@link #json built} with JSON-P, the same object
 * ({@code WireMessagesTest} compares them): the builder wraps the descriptors it already holds (58 ns for ten
 * tools) where JSON-B writes them out and parses them back (21 µs), {@code WireBenchmark}, src/docs/benchmarks.md.
 *
 * @param nextCursor absent on the last page
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema#listtoolsresult">ListToolsResult
 *     2025-11-25</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/schema#listtoolsresult">ListToolsResult
 *     2026-07-28</a>
 */
@JsonbPropertyOrder({"tools", "nextCursor"})
public record ListToolsResult(List<JsonObject> tools, String nextCursor) {

    /** The page as {@code Wire.toJson(new ListToolsResult(tools, nextCursor))} maps it, built with JSON-P. */
    public static JsonObject json(List<JsonObject> tools, String nextCursor) {
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        tools.forEach(array::add);
        JsonObjectBuilder page = Jsons.PROVIDER.createObjectBuilder().add("tools", array);
        if (nextCursor != null) {
            page.add("nextCursor", nextCursor);
        }
        return page.build();
    }
}
