package dev.portcullis.mcp.protocol.wire;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Map;

/**
 * {@code SubscriptionsListenResult}, 2026-07-28 only: the result of a {@code subscriptions/listen} stream that ends
 * gracefully.
 *
 * @param resultType {@code complete}
 * @param _meta the subscription id and the server info
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/schema#subscriptionslistenresult">SubscriptionsListenResult 2026-07-28</a>
 */
@JsonbPropertyOrder({"resultType", "_meta"})
public record SubscriptionsListenResult(String resultType, Map<String, JsonValue> _meta) {}
