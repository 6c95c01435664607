package dev.portcullis.mcp.server.notifications;

import dev.portcullis.mcp.protocol.JsonRpc;
import dev.portcullis.mcp.protocol.McpError;
import dev.portcullis.mcp.protocol.McpMethods;
import dev.portcullis.mcp.protocol.wire.CancelledNotificationParams;
import dev.portcullis.mcp.protocol.wire.NotificationParams;
import dev.portcullis.mcp.protocol.wire.ResourceUpdatedNotificationParams;
import dev.portcullis.mcp.protocol.wire.SubscriptionsAcknowledgedNotificationParams;
import dev.portcullis.mcp.protocol.wire.SubscriptionsAcknowledgedNotificationParams.SubscriptionFilter;
import dev.portcullis.mcp.protocol.wire.SubscriptionsListenResult;
import dev.portcullis.mcp.protocol.wire.Wire;
import dev.portcullis.mcp.server.exchange.Outbound;
import dev.portcullis.mcp.server.exchange.ServerInfo;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A 2026-07-28 {@code subscriptions/listen} stream. The first message is {@code notifications/subscriptions/acknowledged}
 * with the types the server honors; then only the requested types follow, each carrying
 * {@code _meta["io.modelcontextprotocol/subscriptionId"]} equal to the listen request's id. Progress and log
 * messages never go here. A graceful end (shutdown) sends the listen result; a stream torn down because the client
 * does not keep up gets {@code notifications/cancelled} referencing the listen request.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/subscriptions">Subscriptions</a>
 */
public final class ListenSubscription implements NotificationSink, NotificationStream {

    static final String SUBSCRIPTION_ID_META = "io.modelcontextprotocol/subscriptionId";
    private static final Set<String> FLAGS = Set.of("toolsListChanged", "resourcesListChanged", "promptsListChanged");

    private final JsonValue id;
    private final Set<String> methods = new LinkedHashSet<>();
    private final Set<String> uris = new LinkedHashSet<>();
    private final Outbound out;
    private final ServerNotifications hub;
    private final ServerInfo info;

    private ListenSubscription(JsonValue id, Outbound out, ServerNotifications hub, ServerInfo info) {
        this.id = id;
        this.out = out;
        this.hub = hub;
        this.info = info;
    }

    /** Reads the filter (-32602 when it is missing or malformed). */
    public static ListenSubscription of(
            JsonValue id, JsonObject params, Outbound out, ServerNotifications hub, ServerInfo info) {
        JsonValue filter = params.get("notifications");
        if (!(filter instanceof JsonObject requested)) {
            throw McpError.invalidParams("Invalid params: notifications must be an object");
        }
        ListenSubscription subscription = new ListenSubscription(id, out, hub, info);
        for (String flag : FLAGS) {
            JsonValue value = requested.get(flag);
            if (value != null
                    && value.getValueType() != JsonValue.ValueType.TRUE
                    && value.getValueType() != JsonValue.ValueType.FALSE) {
                throw McpError.invalidParams("Invalid params: notifications." + flag + " must be a boolean");
            }
            if (value == JsonValue.TRUE) {
                subscription.methods.add(method(flag));
            }
        }
        JsonValue resources = requested.get("resourceSubscriptions");
        if (resources != null) {
            if (!(resources instanceof JsonArray list) || !list.stream().allMatch(v -> v instanceof JsonString)) {
                throw McpError.invalidParams("Invalid params: notifications.resourceSubscriptions must be strings");
            }
            list.getValuesAs(JsonString.class).forEach(uri -> subscription.uris.add(uri.getString()));
        }
        return subscription;
    }

    private static String method(String flag) {
        return switch (flag) {
            case "toolsListChanged" -> McpMethods.TOOLS_LIST_CHANGED;
            case "resourcesListChanged" -> McpMethods.RESOURCES_LIST_CHANGED;
            default -> McpMethods.PROMPTS_LIST_CHANGED;
        };
    }

    /** Sends the acknowledgement and starts receiving notices. */
    public void open() {
        SubscriptionFilter honored = new SubscriptionFilter(
                honored("toolsListChanged"),
                honored("resourcesListChanged"),
                honored("promptsListChanged"),
                uris.isEmpty() ? null : List.copyOf(uris));
        out.send(JsonRpc.notification(
                McpMethods.SUBSCRIPTIONS_ACKNOWLEDGED,
                Wire.toJson(
                        new SubscriptionsAcknowledgedNotificationParams(honored, Map.of(SUBSCRIPTION_ID_META, id)))));
        hub.add(this);
    }

    @Override
    public boolean deliver(Notice notice) {
        if (out.isClosed()) {
            return false;
        }
        boolean wanted = notice.uri() == null ? methods.contains(notice.method()) : uris.contains(notice.uri());
        if (!wanted) {
            return true;
        }
        Record params = notice.uri() != null
                ? new ResourceUpdatedNotificationParams(notice.uri(), meta())
                : new NotificationParams(meta());
        if (out.send(JsonRpc.notification(notice.method(), Wire.toJson(params)))) {
            return true;
        }
        if (!out.isClosed()) {
            tearDown("the client does not read its notifications fast enough");
        }
        return false;
    }

    /** Graceful end: the listen result, then the stream closes. */
    @Override
    public void end() {
        hub.remove(this);
        Map<String, JsonValue> meta = new LinkedHashMap<>(meta());
        meta.put("io.modelcontextprotocol/serverInfo", info.toJson());
        out.send(JsonRpc.result(id, Wire.toJson(new SubscriptionsListenResult("complete", meta))));
        out.finish();
    }

    /** Abrupt end: {@code notifications/cancelled} referencing the listen request (SUB26, CAN26). */
    void tearDown(String reason) {
        hub.remove(this);
        out.sendNow(JsonRpc.notification(
                McpMethods.CANCELLED, Wire.toJson(new CancelledNotificationParams(id, reason, meta()))));
        out.finish();
    }

    @Override
    public void close() {
        hub.remove(this);
    }

    /** True when the stream carries the flag's notification, else null (left out). */
    private Boolean honored(String flag) {
        return methods.contains(method(flag)) ? Boolean.TRUE : null;
    }

    private Map<String, JsonValue> meta() {
        return Map.of(SUBSCRIPTION_ID_META, id);
    }
}
