package it.dev.portcullis.conformance;

import static it.dev.portcullis.conformance.RuleHttp.request;
import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.conformance.RuleHttp.Event;
import it.dev.portcullis.conformance.RuleHttp.Reply;
import it.dev.portcullis.conformance.RuleHttp.Stream;
import it.dev.portcullis.support.ServerUnderTest;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Section 2 (2A and 2B) of mcp-requirements.md in the legacy era (sessions of 2025-11-25 unless a rule is about an
 * older revision), over HTTPS against the conformance server. Every message received is validated against the
 * 2025-11-25 schema by {@link RuleHttp}.
 */
@ExtendWith(ServerUnderTest.class)
class LegacyTransportRulesIT {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void rule_2_1_legacyPostAndGetOnTheOneEndpoint() throws Exception {
        RuleHttp session = RuleHttp.legacy();
        assertThat(session.call("tools/list", "{}").result("ListToolsResult").getJsonArray("tools"))
                .isNotEmpty();

        try (Stream get = session.with("Accept", "text/event-stream").openGet()) {
            assertThat(get.status()).isEqualTo(200);
            assertThat(get.contentType()).startsWith("text/event-stream");
        }
    }

    @Test
    void rule_2_2_legacyForeignOriginGets403WithIdlessErrorAndLoopbackOriginPasses() throws Exception {
        RuleHttp session = RuleHttp.legacy();
        Reply foreign = session.with("Origin", "https://evil.example.com").call("ping", "{}");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.id()).isNull();

        assertThat(session.with("Origin", "http://localhost:3000")
                        .call("ping", "{}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void rule_2_3_legacyAcceptWithoutEventStreamGets406() throws Exception {
        Reply reply = RuleHttp.legacy().with("Accept", "application/json").call("ping", "{}");

        assertThat(reply.status()).isEqualTo(406);
    }

    @Test
    void rule_2_4_legacyBatchGets400InvalidRequest() throws Exception {
        Reply reply = RuleHttp.legacy().post("[" + request("ping", "{}") + "," + request("ping", "{}") + "]");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(-32600);
    }

    @Test
    void rule_2_5_legacyNotificationAndClientResponseGet202WithoutBody() throws Exception {
        RuleHttp session = RuleHttp.legacy();
        Reply notification = session.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/roots/list_changed\"}");
        Reply response = session.post("{\"jsonrpc\":\"2.0\",\"id\":\"nobody-asked\",\"result\":{}}");

        assertThat(List.of(notification.status(), response.status())).containsOnly(202);
        assertThat(notification.http().body() + response.http().body()).isEmpty();
    }

    @Test
    void rule_2_6_legacyRequestsAnswerWithJsonOrEventStream() throws Exception {
        RuleHttp session = RuleHttp.legacy();
        Reply plain = session.call("tools/call", "{\"name\":\"test_simple_text\",\"arguments\":{}}");
        Reply streamed = session.call(
                "tools/call", "{\"name\":\"test_tool_with_progress\",\"arguments\":{}}", "\"progressToken\":\"p1\"");

        assertThat(plain.contentType()).startsWith("application/json");
        plain.result("CallToolResult");
        assertThat(streamed.contentType()).startsWith("text/event-stream");
        streamed.result("CallToolResult");
    }

    @Test
    void rule_2_7_legacySseCarriesRelatedNotificationsThenTheResponseAndEnds() throws Exception {
        Reply reply = RuleHttp.legacy()
                .call(
                        "tools/call",
                        "{\"name\":\"test_tool_with_progress\",\"arguments\":{}}",
                        "\"progressToken\":\"p2\"");

        List<JsonObject> messages = reply.messages();
        assertThat(messages.subList(0, messages.size() - 1))
                .allSatisfy(m -> assertThat(m.getString("method")).isEqualTo("notifications/progress"));
        assertThat(messages.get(messages.size() - 1).containsKey("result")).isTrue();
        assertThat(reply.http().headers().firstValue("X-Accel-Buffering")).hasValue("no");
    }

    @Test
    void rule_2_7_legacyMalformedJsonGets400ParseErrorWithoutId() throws Exception {
        Reply reply = RuleHttp.legacy().post("{\"jsonrpc\":\"2.0\",");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(-32700);
        assertThat(reply.id()).isNull();
    }

    @Test
    void rule_2_8_getStreamCarriesServerNotificationsNeverResponsesAndKeepsAlive() throws Exception {
        RuleHttp session = RuleHttp.legacy();
        try (Stream get = session.with("Accept", "text/event-stream").openGet()) {
            assertThat(get.contentType()).startsWith("text/event-stream");
            int comments = 0;
            for (Event e; comments < 2 && (e = get.nextEvent(WAIT)) != null; ) {
                comments += e.comment() != null ? 1 : 0;
            }
            assertThat(comments)
                    .as("comments on the idle stream: opening, then keep-alive")
                    .isEqualTo(2);

            session.call("tools/call", "{\"name\":\"rules_list_changed\",\"arguments\":{\"list\":\"tools\"}}")
                    .result("CallToolResult");

            JsonObject notification = get.next(WAIT);
            assertThat(notification).isNotNull();
            assertThat(notification.getString("method")).isEqualTo("notifications/tools/list_changed");
            assertThat(get.drain(Duration.ofMillis(500))).noneMatch(m -> m.containsKey("id"));
        }
    }

    @Test
    void rule_2_8_getWithoutEventStreamAcceptGets406() throws Exception {
        HttpResponse<String> response =
                RuleHttp.legacy().with("Accept", "application/json").send("GET");

        assertThat(response.statusCode()).isEqualTo(406);
    }

    @Test
    void rule_2_9_callNotificationsStayOnTheirPostStreamAndServerNotificationsOnGet() throws Exception {
        RuleHttp session = RuleHttp.legacy();
        try (Stream get = session.with("Accept", "text/event-stream").openGet()) {
            Reply call = session.call(
                    "tools/call",
                    "{\"name\":\"test_tool_with_progress\",\"arguments\":{}}",
                    "\"progressToken\":\"p3\"");
            assertThat(call.messages()).hasSize(4);
            Reply trigger = session.call(
                    "tools/call", "{\"name\":\"rules_list_changed\",\"arguments\":{\"list\":\"prompts\"}}");
            assertThat(trigger.messages())
                    .as("the trigger's own answer carries no broadcast")
                    .hasSize(1);

            List<JsonObject> onGet = get.drain(Duration.ofSeconds(2));
            assertThat(onGet)
                    .extracting(m -> m.getString("method"))
                    .containsExactly("notifications/prompts/list_changed");
        }
    }

    @Test
    void rule_2_10_postSseStartsWithPrimingEventAndRetryIn20251125() throws Exception {
        Reply reply = RuleHttp.legacy()
                .call(
                        "tools/call",
                        "{\"name\":\"test_tool_with_progress\",\"arguments\":{}}",
                        "\"progressToken\":\"p4\"");

        Event first = reply.events().get(0);
        assertThat(first.id()).isNotBlank();
        assertThat(first.data()).isEmpty();
        assertThat(first.retry()).isPositive();
    }

    @Test
    void rule_2_10_noPrimingEventForOlderRevisions() throws Exception {
        Reply reply = RuleHttp.legacy("2025-06-18", "{}")
                .call(
                        "tools/call",
                        "{\"name\":\"test_tool_with_progress\",\"arguments\":{}}",
                        "\"progressToken\":\"p5\"");

        assertThat(reply.events()).allSatisfy(e -> assertThat(e.isMessage()).isTrue());
    }

    @Test
    void rule_2_11_eventIdsAreUniqueAcrossTheSessionsStreams() throws Exception {
        RuleHttp session = RuleHttp.legacy();
        List<String> ids = new ArrayList<>();
        try (Stream get = session.with("Accept", "text/event-stream").openGet()) {
            for (int i = 0; i < 3; i++) {
                session.call(
                                "tools/call",
                                "{\"name\":\"test_tool_with_progress\",\"arguments\":{}}",
                                "\"progressToken\":\"u" + i + "\"")
                        .events()
                        .forEach(e -> ids.add(e.id()));
            }
            session.call("tools/call", "{\"name\":\"rules_list_changed\",\"arguments\":{\"list\":\"resources\"}}");
            for (Event e; (e = get.nextEvent(Duration.ofSeconds(2))) != null; ) {
                if (e.id() != null) {
                    ids.add(e.id());
                }
            }
        }
        assertThat(ids).doesNotContainNull().hasSizeGreaterThan(12);
        Set<String> distinct = new HashSet<>(ids);
        assertThat(distinct).hasSameSizeAs(ids);
    }

    @Test
    void rule_2_12_sessionIdIsVisibleAsciiAndMissingSessionGets400() throws Exception {
        RuleHttp session = RuleHttp.legacy();
        assertThat(session.sessionId()).matches("[\\x21-\\x7E]{32,}");

        Reply missing = session.with("Mcp-Session-Id", null).call("tools/list", "{}");
        assertThat(missing.status()).isEqualTo(400);
    }

    @Test
    void rule_2_12_unknownSessionGets404() throws Exception {
        RuleHttp unknown = RuleHttp.legacy().with("Mcp-Session-Id", "no-such-session");
        Reply reply = unknown.call("tools/list", "{}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(unknown.with("Accept", "text/event-stream").send("GET").statusCode())
                .isEqualTo(404);
        assertThat(unknown.send("DELETE").statusCode()).isEqualTo(404);
    }

    @Test
    void rule_2_12_deleteEndsSessionThenItsIdGets404AndItsGetStreamEnds() throws Exception {
        RuleHttp session = RuleHttp.legacy();
        try (Stream get = session.with("Accept", "text/event-stream").openGet()) {
            assertThat(session.send("DELETE").statusCode()).isEqualTo(204);

            assertThat(session.call("tools/list", "{}").status()).isEqualTo(404);
            assertThat(get.awaitEnd(WAIT))
                    .as("the GET stream ends with its session")
                    .isTrue();
        }
    }

    @Test
    void rule_2_13_unsupportedProtocolVersionHeaderGets400() throws Exception {
        Reply reply =
                RuleHttp.legacy().with("MCP-Protocol-Version", "1999-01-01").call("tools/list", "{}");

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void rule_2_13_missingProtocolVersionHeaderIsAssumedLegacy() throws Exception {
        Reply reply = RuleHttp.legacy().with("MCP-Protocol-Version", null).call("tools/list", "{}");

        assertThat(reply.status()).isEqualTo(200);
        reply.result("ListToolsResult");
    }

    @Test
    void rule_2_14_legacyUnknownMethodGets200AndMinus32601NotA404() throws Exception {
        Reply reply = RuleHttp.legacy().call("no/such/method", "{}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.errorCode()).isEqualTo(-32601);
    }
}
