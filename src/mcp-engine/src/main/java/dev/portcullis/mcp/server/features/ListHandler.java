package dev.portcullis.mcp.server.features;

import dev.portcullis.mcp.protocol.wire.Wire;
import dev.portcullis.mcp.server.context.RequestContext;
import dev.portcullis.mcp.server.context.RequestHandler;
import dev.portcullis.mcp.tools.AccessRule;
import dev.portcullis.mcp.tools.FeatureRegistry;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The four paginated list methods ({@code tools/list}, {@code resources/list}, {@code resources/templates/list},
 * {@code prompts/list}): one page of the descriptors this caller may see, in the registry's deterministic order, as
 * the method's result: a wire record mapped with JSON-B ({@link #typed typed}), or for {@code tools/list}, the hot
 * one, the same object built with JSON-P ({@code ListToolsResult::json}; see the wire package).
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/utilities/pagination">Pagination</a>
 */
public final class ListHandler<T> implements RequestHandler {

    private final Supplier<FeatureRegistry> registry;
    private final Function<FeatureRegistry, List<T>> items;
    private final Function<T, JsonObject> descriptor;
    private final Function<T, AccessRule> access;
    private final BiFunction<List<JsonObject>, String, JsonObject> result;
    private final Pagination pagination;

    public ListHandler(
            Supplier<FeatureRegistry> registry,
            Function<FeatureRegistry, List<T>> items,
            Function<T, JsonObject> descriptor,
            Function<T, AccessRule> access,
            BiFunction<List<JsonObject>, String, JsonObject> result,
            Pagination pagination) {
        this.access = access;
        this.registry = registry;
        this.items = items;
        this.descriptor = descriptor;
        this.result = result;
        this.pagination = pagination;
    }

    @Override
    public JsonObject handle(RequestContext context) {
        List<T> visible = items.apply(registry.get()).stream()
                .filter(item -> FeatureAccess.admits(access.apply(item), context.caller()))
                .toList();
        Pagination.Page<JsonObject> page = pagination.page(context.params(), visible, descriptor);
        return result.apply(page.items(), page.nextCursor());
    }

    /** A page as its result record ({@code ListResourcesResult::new}, ...) maps it with JSON-B. */
    public static BiFunction<List<JsonObject>, String, JsonObject> typed(
            BiFunction<List<JsonObject>, String, Record> record) {
        return (items, nextCursor) -> Wire.toJson(record.apply(items, nextCursor));
    }
}
