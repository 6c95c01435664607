package dev.portcullis.mcp.server.features;

import dev.portcullis.mcp.protocol.McpError;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Cursor pagination for the list methods. Cursors are opaque to clients (base64url of a versioned offset); an
 * unparseable cursor is -32602 (PAG25).
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/utilities/pagination">Pagination</a>
 */
public final class Pagination {

    private static final String PREFIX = "v1:";

    private final int pageSize;

    public Pagination(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
        this.pageSize = pageSize;
    }

    /** The items of the page the request's cursor selects, and the next page's cursor (null on the last). */
    record Page<T>(List<T> items, String nextCursor) {}

    /** The page the request's cursor selects, its items encoded. */
    <T> Page<JsonObject> page(JsonObject params, List<T> items, Function<T, JsonObject> encode) {
        int from = offset(params.get("cursor"), items.size());
        int to = Math.min(items.size(), from + pageSize);
        List<JsonObject> page = items.subList(from, to).stream().map(encode).toList();
        return new Page<>(page, to < items.size() ? encode(to) : null);
    }

    static String encode(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.US_ASCII));
    }

    private static int offset(JsonValue cursor, int size) {
        if (cursor == null || cursor == JsonValue.NULL) {
            return 0;
        }
        try {
            String decoded = new String(
                    Base64.getUrlDecoder().decode(((JsonString) cursor).getString()), StandardCharsets.US_ASCII);
            if (decoded.startsWith(PREFIX)) {
                int offset = Integer.parseInt(decoded.substring(PREFIX.length()));
                if (offset >= 0 && offset <= size) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException | ClassCastException e) {
            // falls through to the error
        }
        throw McpError.invalidParams("Invalid cursor");
    }
}
