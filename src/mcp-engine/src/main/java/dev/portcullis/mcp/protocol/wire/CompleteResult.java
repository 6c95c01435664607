package dev.portcullis.mcp.protocol.wire;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * {@code CompleteResult} of {@code completion/complete}, the same shape in both revisions (the dispatcher adds the
 * 2026-07-28 common result fields).
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/server/utilities/completion">Completion</a>
 */
public record CompleteResult(Completion completion) {

    /**
     * @param values at most 100
     * @param total how many values there are in all
     * @param hasMore whether there are more than {@code values}
     */
    @JsonbPropertyOrder({"values", "total", "hasMore"})
    public record Completion(List<String> values, Integer total, Boolean hasMore) {}
}
