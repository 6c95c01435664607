package dev.portcullis.mcp.protocol.wire;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * {@code DiscoverResult}, 2026-07-28 only, as the handler produces it: the common result fields ({@code resultType},
 * {@code ttlMs}, {@code cacheScope}, {@code _meta}) are added by the dispatcher to every modern result.
 *
 * @param instructions optional
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/server/discover">Discover</a>
 */
@JsonbPropertyOrder({"supportedVersions", "capabilities", "instructions"})
public record DiscoverResult(
        List<String> supportedVersions, ServerCapabilities.Modern capabilities, String instructions) {}
