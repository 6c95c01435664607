package dev.portcullis.mcp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.mcp.protocol.McpError;
import dev.portcullis.mcp.server.exchange.Outbound;
import dev.portcullis.mcp.server.exchange.ServerInfo;
import dev.portcullis.mcp.server.notifications.ListenSubscription;
import dev.portcullis.mcp.server.notifications.ServerNotifications;
import dev.portcullis.mcp.server.notifications.SessionStream;
import dev.portcullis.mcp.session.McpSession;
import dev.portcullis.mcp.session.SessionStore;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Server-initiated notifications: legacy GET streams and modern subscriptions/listen streams. */
class NotificationStreamsTest {

    private final ServerNotifications hub = new ServerNotifications();
    private final ServerInfo info = new ServerInfo("test", "1", null);

    /** An outbound that records, and can be made full or closed. */
    private static final class Recorder implements Outbound {
        final List<JsonObject> sent = new ArrayList<>();
        boolean full;
        boolean closed;
        boolean finished;

        @Override
        public boolean send(JsonObject message) {
            if (full || closed) {
                return false;
            }
            return sent.add(message);
        }

        @Override
        public boolean sendNow(JsonObject message) {
            return sent.add(message);
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public void finish() {
            finished = true;
        }

        List<String> methods() {
            return sent.stream().map(m -> m.getString("method", "(response)")).toList();
        }
    }

    @Test
    void listenWhenOpenedThenAcknowledgesFirstAndDeliversOnlyRequestedTypesWithSubscriptionId() {
        Recorder out = new Recorder();
        ListenSubscription listen = ListenSubscription.of(
                Json.createValue(7),
                filter("{\"promptsListChanged\":true," + "\"resourceSubscriptions\":[\"a://x\"]}"),
                out,
                hub,
                info);
        listen.open();

        hub.toolsListChanged();
        hub.promptsListChanged();
        hub.resourceUpdated("a://y");
        hub.resourceUpdated("a://x");

        assertThat(out.methods())
                .containsExactly(
                        "notifications/subscriptions/acknowledged",
                        "notifications/prompts/list_changed",
                        "notifications/resources/updated");
        assertThat(out.sent)
                .allSatisfy(m -> assertThat(m.getJsonObject("params")
                                .getJsonObject("_meta")
                                .getInt("io.modelcontextprotocol/subscriptionId"))
                        .isEqualTo(7));
        assertThat(out.sent
                        .get(0)
                        .getJsonObject("params")
                        .getJsonObject("notifications")
                        .keySet())
                .containsExactlyInAnyOrder("promptsListChanged", "resourceSubscriptions");
    }

    @Test
    void listenWhenServerShutsDownThenSendsTheListenResultAndFinishes() {
        Recorder out = new Recorder();
        ListenSubscription.of(Json.createValue("L1"), filter("{\"toolsListChanged\":true}"), out, hub, info)
                .open();

        hub.endAll();

        JsonObject last = out.sent.get(out.sent.size() - 1);
        assertThat(last.getString("id")).isEqualTo("L1");
        assertThat(last.getJsonObject("result")
                        .getJsonObject("_meta")
                        .getString("io.modelcontextprotocol/subscriptionId"))
                .isEqualTo("L1");
        assertThat(out.finished).isTrue();
        assertThat(hub.openStreams()).isZero();
    }

    @Test
    void listenWhenClientFallsBehindThenTornDownWithCancelledReferencingTheListenRequest() {
        Recorder out = new Recorder();
        ListenSubscription.of(Json.createValue(9), filter("{\"toolsListChanged\":true}"), out, hub, info)
                .open();
        out.full = true;

        hub.toolsListChanged();

        JsonObject cancelled = out.sent.get(out.sent.size() - 1);
        assertThat(cancelled.getString("method")).isEqualTo("notifications/cancelled");
        assertThat(cancelled.getJsonObject("params").getInt("requestId")).isEqualTo(9);
        assertThat(out.finished).isTrue();
        assertThat(hub.openStreams()).isZero();
    }

    @Test
    void listenWhenFilterMissingOrMalformedThenInvalidParams() {
        assertThatThrownBy(() -> ListenSubscription.of(
                        Json.createValue(1), JsonValue.EMPTY_JSON_OBJECT, new Recorder(), hub, info))
                .isInstanceOf(McpError.class);
        assertThatThrownBy(() -> ListenSubscription.of(
                        Json.createValue(1), filter("{\"toolsListChanged\":\"yes\"}"), new Recorder(), hub, info))
                .isInstanceOf(McpError.class);
    }

    @Test
    void sessionStreamWhenResourceUpdatedThenOnlySubscribedUrisAndListChanges() {
        McpSession session = new SessionStore(Duration.ofHours(1), 10, Clock.systemUTC()).create("2025-11-25");
        session.subscribe("a://x");
        Recorder out = new Recorder();
        SessionStream stream = new SessionStream(session, out, hub);
        hub.add(stream);

        hub.resourceUpdated("a://y");
        hub.resourceUpdated("a://x");
        hub.resourcesListChanged();

        assertThat(out.methods())
                .containsExactly("notifications/resources/updated", "notifications/resources/list_changed");
    }

    @Test
    void sessionStreamWhenSessionEndsThenStreamFinishes() {
        SessionStore sessions = new SessionStore(Duration.ofHours(1), 10, Clock.systemUTC());
        McpSession session = sessions.create("2025-11-25");
        Recorder out = new Recorder();
        SessionStream stream = new SessionStream(session, out, hub);
        session.standaloneStream(stream);
        hub.add(stream);

        sessions.end(session.id());

        assertThat(out.finished).isTrue();
        assertThat(hub.openStreams()).isZero();
    }

    private static JsonObject filter(String notifications) {
        return Json.createReader(new java.io.StringReader("{\"notifications\":" + notifications + "}"))
                .readObject();
    }
}
