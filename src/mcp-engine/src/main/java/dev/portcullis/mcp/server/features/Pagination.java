package dev.portcullis.mcp.server.features;

import dev.portcullis.mcp.protocol.Jsons;
import dev.portcullis.mcp.protocol.McpError;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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

    /** Adds the page the request's cursor selects to {@code result} under {@code key}, and {@code nextCursor}. */
    <T> JsonObjectBuilder page(
            JsonObject params, List<T> items, Function<T, JsonObject> encode, String key, JsonObjectBuilder result) {
        int from = offset(params.get("cursor"), items.size());
        int to = Math.min(items.size(), from + pageSize);
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        items.subList(from, to).forEach(item -> array.add(encode.apply(item)));
        result.add(key, array);
        if (to < items.size()) {
            result.add("nextCursor", encode(to));
        }
        return result;
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
