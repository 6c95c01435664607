package dev.portcullis.mcp.protocol.wire;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Map;

/**
 * {@code ServerCapabilities} per revision: 2026-07-28 adds {@code extensions} (keyed by extension identifier), which
 * 2025-11-25 does not have. {@code completions} and {@code logging} are empty objects when supported.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema#servercapabilities">ServerCapabilities 2025-11-25</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/schema#servercapabilities">ServerCapabilities 2026-07-28</a>
 */
public sealed interface ServerCapabilities {

    /** 2025-11-25. */
    @JsonbPropertyOrder({"tools", "resources", "prompts", "completions", "logging"})
    record Legacy(
            ListChanged tools, Resources resources, ListChanged prompts, JsonObject completions, JsonObject logging)
            implements ServerCapabilities {}

    /** 2026-07-28. */
    @JsonbPropertyOrder({"extensions", "tools", "resources", "prompts", "completions", "logging"})
    record Modern(
            Map<String, JsonObject> extensions,
            ListChanged tools,
            Resources resources,
            ListChanged prompts,
            JsonObject completions,
            JsonObject logging)
            implements ServerCapabilities {}

    /** The {@code tools} and {@code prompts} capability. */
    record ListChanged(Boolean listChanged) {}

    /** The {@code resources} capability. */
    @JsonbPropertyOrder({"subscribe", "listChanged"})
    record Resources(Boolean subscribe, Boolean listChanged) {}
}
