package dev.portcullis.mcp.protocol.wire;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * {@code SubscriptionsAcknowledgedNotificationParams}, 2026-07-28 only (the 2025-11-25 revision has no
 * {@code subscriptions/listen}): the notifications a listen stream will carry.
 *
 * @param _meta carries {@code io.modelcontextprotocol/subscriptionId}, the listen request's id
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/subscriptions">Subscriptions</a>
 */
@JsonbPropertyOrder({"notifications", "_meta"})
public record SubscriptionsAcknowledgedNotificationParams(
        SubscriptionFilter notifications, Map<String, JsonValue> _meta) {

    /** {@code SubscriptionFilter}: each flag true when honored, absent otherwise; the URIs when any. */
    @JsonbPropertyOrder({"toolsListChanged", "resourcesListChanged", "promptsListChanged", "resourceSubscriptions"})
    public record SubscriptionFilter(
            Boolean toolsListChanged,
            Boolean resourcesListChanged,
            Boolean promptsListChanged,
            List<String> resourceSubscriptions) {}
}
