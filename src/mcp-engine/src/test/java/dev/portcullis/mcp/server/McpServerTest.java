package dev.portcullis.mcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.mcp.protocol.JsonRpc;
import dev.portcullis.mcp.server.exchange.Outbound;
import dev.portcullis.mcp.server.exchange.Reply;
import dev.portcullis.mcp.server.exchange.ServerInfo;
import dev.portcullis.mcp.testing.McpSchemas;
import dev.portcullis.mcp.testing.TestTools;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The engine's era rules, without HTTP. Test names cite the rule numbers of mcp-requirements.md; every result is
 * validated against the official schema of the revision in use.
 */
class McpServerTest {

    private static final String LEGACY = "2025-11-25";
    private static final String MODERN = "2026-07-28";
    private static final String META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

    private static final String TASKS_META = META.replace(
            "\"io.modelcontextprotocol/clientCapabilities\":{}",
            "\"io.modelcontextprotocol/clientCapabilities\":{\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}");

    private final McpServer server = new McpServer(
            TestTools::registry,
            new ServerInfo("test", "1.0", "Be nice"),
            new McpSettings(2, 60000, "private", java.time.Duration.ofMinutes(5), 100, 100, McpSettings.randomKey()));

    @Nested
    class Legacy {

        @Test
        void rule3_1_initializeWhenSupportedVersionThenEchoedWithSessionId() {
            Reply reply = run(
                    legacy(
                            null,
                            null,
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                                    + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}"));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.newSessionId()).matches("[A-Za-z0-9_-]{43}");
            JsonObject result = reply.body().getJsonObject("result");
            assertThat(result.getString("protocolVersion")).isEqualTo("2025-06-18");
            assertThat(result.getJsonObject("capabilities")
                            .getJsonObject("resources")
                            .getBoolean("subscribe"))
                    .isTrue();
            assertValid(LEGACY, "InitializeResult", result);
        }

        @Test
        void rule1_3_initializeWhenUnknownVersionThenLatestLegacy() {
            Reply reply = run(
                    legacy(
                            null,
                            null,
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                                    + "{\"protocolVersion\":\"1999-01-01\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}"));

            assertThat(reply.body().getJsonObject("result").getString("protocolVersion"))
                    .isEqualTo(LEGACY);
        }

        @Test
        void rule2_12_requestWhenSessionMissingThen400AndUnknownThen404() {
            assertThat(run(legacy(null, LEGACY, ping())).status()).isEqualTo(400);
            assertThat(run(legacy("no-such-session", LEGACY, ping())).status()).isEqualTo(404);
        }

        @Test
        void rule2_12_requestWhenSessionEndedThen404() {
            String session = initialize();
            assertThat(server.endSession(session)).isTrue();

            assertThat(run(legacy(session, LEGACY, ping())).status()).isEqualTo(404);
        }

        @Test
        void rule2_13_requestWhenProtocolVersionHeaderUnsupportedThen400() {
            assertThat(run(legacy(initialize(), "1999-01-01", ping())).status()).isEqualTo(400);
        }

        @Test
        void rule3_3_pingWhenSessionThenEmptyResult() {
            Reply reply = run(legacy(initialize(), LEGACY, ping()));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body().getJsonObject("result")).isEmpty();
        }

        @Test
        void rule2_5_notificationWhenAcceptedThen202WithoutBody() {
            Reply reply =
                    run(legacy(initialize(), LEGACY, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));

            assertThat(reply.status()).isEqualTo(202);
            assertThat(reply.body()).isNull();
        }

        @Test
        void rule2_14_unknownMethodThen200WithMethodNotFound() {
            Reply reply = run(legacy(initialize(), LEGACY, request("no/such", "{}")));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body().getJsonObject("error").getInt("code")).isEqualTo(-32601);
        }

        @Test
        void rule3_9_toolsListWhenPagedThenOpaqueCursorsAndInvalidCursorRejected() {
            String session = initialize();
            JsonObject first = run(legacy(session, LEGACY, request("tools/list", "{}")))
                    .body()
                    .getJsonObject("result");
            assertValid(LEGACY, "ListToolsResult", first);
            assertThat(first.getJsonArray("tools")).hasSize(2);

            JsonObject second = run(legacy(
                            session,
                            LEGACY,
                            request("tools/list", "{\"cursor\":\"" + first.getString("nextCursor") + "\"}")))
                    .body()
                    .getJsonObject("result");
            assertThat(second.getJsonArray("tools")).hasSize(2);

            JsonObject error = run(legacy(session, LEGACY, request("tools/list", "{\"cursor\":\"bogus\"}")))
                    .body();
            assertThat(error.getJsonObject("error").getInt("code")).isEqualTo(-32602);
        }

        @Test
        void rule3_12_toolsCallWhenUnknownToolThenInvalidParamsAndWhenBusinessErrorThenIsError() {
            String session = initialize();
            JsonObject unknown = run(legacy(session, LEGACY, request("tools/call", "{\"name\":\"nope\"}")))
                    .body();
            assertThat(unknown.getJsonObject("error").getInt("code")).isEqualTo(-32602);

            JsonObject failed = run(legacy(
                            session, LEGACY, request("tools/call", "{\"name\":\"fail\",\"arguments\":{}}")))
                    .body()
                    .getJsonObject("result");
            assertThat(failed.getBoolean("isError")).isTrue();
            assertValid(LEGACY, "CallToolResult", failed);
        }

        @Test
        void rule3_12_toolsCallWhenUnexpectedExceptionThenInternalErrorWithoutDetail() {
            JsonObject body = run(legacy(initialize(), LEGACY, request("tools/call", "{\"name\":\"crash\"}")))
                    .body();

            assertThat(body.getJsonObject("error").getInt("code")).isEqualTo(-32603);
            assertThat(body.toString()).doesNotContain("secret");
        }

        @Test
        void rule3_18_toolsCallWhenProgressTokenThenStreamsIncreasingProgressBeforeResult() {
            String session = initialize();
            Prepared prepared = server.prepare(legacy(
                    session,
                    LEGACY,
                    request("tools/call", "{\"name\":\"slow\",\"_meta\":{\"progressToken\":\"p1\"}}")));
            Call call = ((Prepared.Run) prepared).call();
            assertThat(call.streams()).isTrue();
            List<JsonObject> sent = new ArrayList<>();

            Reply reply = server.execute(call, collecting(sent));

            assertThat(sent)
                    .extracting(m -> m.getString("method"))
                    .containsExactly("notifications/message", "notifications/progress", "notifications/progress");
            assertThat(sent.get(2)
                            .getJsonObject("params")
                            .getJsonNumber("progress")
                            .doubleValue())
                    .isEqualTo(2.0);
            sent.forEach(m -> assertValid(LEGACY, "ServerNotification", m));
            assertThat(reply.body()
                            .getJsonObject("result")
                            .getJsonArray("content")
                            .getJsonObject(0)
                            .getString("text"))
                    .isEqualTo("finished");
        }

        @Test
        void rule3_13_resourcesReadWhenTemplateThenContentsAndWhenMissingThenMinus32002() {
            String session = initialize();
            JsonObject result = run(legacy(session, LEGACY, request("resources/read", "{\"uri\":\"test://items/7\"}")))
                    .body()
                    .getJsonObject("result");
            assertValid(LEGACY, "ReadResourceResult", result);
            assertThat(result.getJsonArray("contents").getJsonObject(0).getString("text"))
                    .isEqualTo("Item 7");

            JsonObject missing = run(legacy(session, LEGACY, request("resources/read", "{\"uri\":\"test://none\"}")))
                    .body();
            assertThat(missing.getJsonObject("error").getInt("code")).isEqualTo(-32002);
        }

        @Test
        void rule3_15_promptsGetWhenMissingArgumentThenInvalidParams() {
            String session = initialize();
            JsonObject result = run(legacy(
                            session,
                            LEGACY,
                            request("prompts/get", "{\"name\":\"greet\",\"arguments\":{\"name\":\"Ann\"}}")))
                    .body()
                    .getJsonObject("result");
            assertValid(LEGACY, "GetPromptResult", result);

            JsonObject error = run(legacy(session, LEGACY, request("prompts/get", "{\"name\":\"greet\"}")))
                    .body();
            assertThat(error.getJsonObject("error").getInt("code")).isEqualTo(-32602);
        }

        @Test
        void rule3_16_completionWhenPromptArgumentThenMatchingValues() {
            JsonObject result = run(legacy(
                            initialize(),
                            LEGACY,
                            request(
                                    "completion/complete",
                                    "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"greet\"},\"argument\":{\"name\":\"name\",\"value\":\"Al\"}}")))
                    .body()
                    .getJsonObject("result");

            assertValid(LEGACY, "CompleteResult", result);
            assertThat(result.getJsonObject("completion").getJsonArray("values").toString())
                    .isEqualTo("[\"Alice\",\"Albert\"]");
        }

        @Test
        void rule3_17_setLevelWhenInvalidThenInvalidParams() {
            String session = initialize();
            assertThat(run(legacy(session, LEGACY, request("logging/setLevel", "{\"level\":\"warning\"}")))
                            .body()
                            .getJsonObject("result"))
                    .isEmpty();
            assertThat(run(legacy(session, LEGACY, request("logging/setLevel", "{\"level\":\"loud\"}")))
                            .body()
                            .getJsonObject("error")
                            .getInt("code"))
                    .isEqualTo(-32602);
        }
    }

    @Nested
    class Modern {

        @Test
        void rule3_5_discoverWhenValidThenVersionsCapabilitiesAndCacheFields() {
            Reply reply = run(modern(MODERN, "server/discover", null, request("server/discover", "{" + META + "}")));

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.newSessionId()).isNull();
            JsonObject result = reply.body().getJsonObject("result");
            assertValid(MODERN, "DiscoverResult", result);
            assertThat(result.getString("resultType")).isEqualTo("complete");
            assertThat(result.getJsonObject("_meta")
                            .getJsonObject("io.modelcontextprotocol/serverInfo")
                            .getString("name"))
                    .isEqualTo("test");
        }

        @Test
        void rule3_9_toolsListWhenModernThenTtlAndCacheScope() {
            JsonObject result = run(modern(MODERN, "tools/list", null, request("tools/list", "{" + META + "}")))
                    .body()
                    .getJsonObject("result");

            assertValid(MODERN, "ListToolsResult", result);
            assertThat(result.getJsonNumber("ttlMs").longValue()).isEqualTo(60000);
            assertThat(result.getString("cacheScope")).isEqualTo("private");
        }

        @Test
        void rule3_6_toolsCallWhenModernThenResultTypeComplete() {
            JsonObject result = run(custom(
                            request("tools/call", "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}," + META + "}"),
                            Map.of("Text", "hi")))
                    .body()
                    .getJsonObject("result");

            assertValid(MODERN, "CallToolResult", result);
            assertThat(result.getString("resultType")).isEqualTo("complete");
        }

        @Test
        void rule2_18_whenProtocolVersionHeaderMissingThen400HeaderMismatch() {
            assertError(run(modern(null, "tools/list", null, request("tools/list", "{" + META + "}"))), 400, -32020);
        }

        @Test
        void rule2_20_whenMetaMissingThen400InvalidParams() {
            assertError(
                    run(modern(
                            MODERN,
                            "tools/list",
                            null,
                            request(
                                    "tools/list",
                                    "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}"))),
                    400,
                    -32602);
        }

        @Test
        void rule1_3_whenVersionUnsupportedThen400WithSupportedAndRequested() {
            String meta = META.replace(MODERN, "2099-01-01");
            Reply reply = run(modern("2099-01-01", "tools/list", null, request("tools/list", "{" + meta + "}")));

            assertError(reply, 400, -32022);
            assertThat(reply.body().getJsonObject("error").getJsonObject("data").getString("requested"))
                    .isEqualTo("2099-01-01");
        }

        @Test
        void rule2_18_whenMethodOrNameHeaderDisagreesThen400HeaderMismatch() {
            String call = request("tools/call", "{\"name\":\"echo\",\"arguments\":{}," + META + "}");
            assertError(
                    run(modern(MODERN, "prompts/list", null, request("tools/list", "{" + META + "}"))), 400, -32020);
            assertError(run(modern(MODERN, "tools/call", "other", call)), 400, -32020);
            assertError(run(modern(MODERN, "tools/call", null, call)), 400, -32020);
            assertThat(run(modern(MODERN, "tools/call", "=?base64?ZWNobw==?=", call))
                            .status())
                    .isEqualTo(200);
        }

        @Test
        void rule2_18_whenCustomParamHeaderMissingMismatchedOrBadBase64Then400HeaderMismatch() {
            String call = request("tools/call", "{\"name\":\"echo\",\"arguments\":{\"text\":\"Hello\"}," + META + "}");
            assertError(run(custom(call, Map.of())), 400, -32020);
            assertError(run(custom(call, Map.of("Text", "Bye"))), 400, -32020);
            assertError(run(custom(call, Map.of("text", "=?base64?SGVsbG8?="))), 400, -32020);
            assertThat(run(custom(call, Map.of("TEXT", "=?base64?SGVsbG8=?="))).status())
                    .isEqualTo(200);
            assertThat(run(custom(call, Map.of("Text", "Hello"))).status()).isEqualTo(200);
        }

        private Incoming custom(String body, Map<String, String> headers) {
            return new Incoming(JsonRpc.parse(body), null, MODERN, "tools/call", "echo", headers);
        }

        @Test
        void tasks_discoverAdvertisesTheTasksExtensionUnderExtensions() {
            JsonObject capabilities = run(modern(
                            MODERN, "server/discover", null, request("server/discover", "{" + META + "}")))
                    .body()
                    .getJsonObject("result")
                    .getJsonObject("capabilities");

            assertThat(capabilities.getJsonObject("extensions")).containsKey("io.modelcontextprotocol/tasks");
            assertThat(capabilities).doesNotContainKey("tasks");
        }

        @Test
        void tasks_taskMethodsWithoutTheExtensionThenMissingCapabilityNamingIt() {
            for (String method : List.of("tasks/get", "tasks/update", "tasks/cancel")) {
                Reply reply = run(modern(
                        MODERN,
                        method,
                        "t1",
                        request(method, "{\"taskId\":\"t1\",\"inputResponses\":{}," + META + "}")));
                assertError(reply, 400, -32021);
                assertThat(reply.body()
                                .getJsonObject("error")
                                .getJsonObject("data")
                                .getJsonObject("requiredCapabilities")
                                .getJsonObject("extensions"))
                        .containsKey("io.modelcontextprotocol/tasks");
            }
        }

        @Test
        void tasks_unknownTaskIdThenInvalidParamsAndMcpNameMustMatchTaskId() {
            String body = request("tasks/get", "{\"taskId\":\"t1\"," + TASKS_META + "}");
            assertError(run(modern(MODERN, "tasks/get", "t1", body)), 200, -32602);
            assertError(run(modern(MODERN, "tasks/get", "other", body)), 400, -32020);
            assertError(run(modern(MODERN, "tasks/get", null, body)), 400, -32020);
        }

        @Test
        void tasks_removedV1MethodsThenMethodNotFound() {
            assertError(
                    run(modern(
                            MODERN,
                            "tasks/result",
                            null,
                            request("tasks/result", "{\"taskId\":\"t\"," + TASKS_META + "}"))),
                    404,
                    -32601);
            assertError(
                    run(modern(MODERN, "tasks/list", null, request("tasks/list", "{" + TASKS_META + "}"))),
                    404,
                    -32601);
        }

        @Test
        void rule2_20_unknownOrLegacyOnlyMethodThen404MethodNotFound() {
            assertError(run(modern(MODERN, "no/such", null, request("no/such", "{" + META + "}"))), 404, -32601);
            assertError(run(modern(MODERN, "ping", null, request("ping", "{" + META + "}"))), 404, -32601);
        }

        @Test
        void rule2_21_toolAskingClientThenInputRequiredWithSignedStateAndAnswerCompletesIt() {
            String meta = META.replace(
                    "\"io.modelcontextprotocol/clientCapabilities\":{}",
                    "\"io.modelcontextprotocol/clientCapabilities\":{\"sampling\":{}}");
            JsonObject first = run(modern(
                            MODERN, "tools/call", "ask", request("tools/call", "{\"name\":\"ask\"," + meta + "}")))
                    .body()
                    .getJsonObject("result");
            assertValid(MODERN, "InputRequiredResult", first);
            assertThat(first.getString("resultType")).isEqualTo("input_required");
            assertThat(first.getJsonObject("inputRequests")
                            .getJsonObject("sampling_createMessage")
                            .getString("method"))
                    .isEqualTo("sampling/createMessage");
            String state = first.getString("requestState");

            JsonObject second = run(modern(
                            MODERN,
                            "tools/call",
                            "ask",
                            request(
                                    "tools/call",
                                    "{\"name\":\"ask\","
                                            + "\"inputResponses\":{\"sampling_createMessage\":{\"role\":\"assistant\",\"content\":"
                                            + "{\"type\":\"text\",\"text\":\"Paris\"},\"model\":\"m\"}},\"requestState\":\""
                                            + state + "\","
                                            + meta + "}")))
                    .body()
                    .getJsonObject("result");
            assertThat(second.getString("resultType")).isEqualTo("complete");
            assertThat(second.toString()).contains("Paris");

            String tampered = state.substring(0, state.length() - 2) + (state.endsWith("A") ? "BB" : "AA");
            assertError(
                    run(modern(
                            MODERN,
                            "tools/call",
                            "ask",
                            request(
                                    "tools/call",
                                    "{\"name\":\"ask\"," + "\"inputResponses\":{},\"requestState\":\"" + tampered
                                            + "\"," + meta + "}"))),
                    200,
                    -32602);
        }

        @Test
        void rule2_20_toolNeedingUndeclaredCapabilityThen400MissingRequiredClientCapability() {
            Reply reply =
                    run(modern(MODERN, "tools/call", "ask", request("tools/call", "{\"name\":\"ask\"," + META + "}")));

            assertError(reply, 400, -32021);
            assertThat(reply.body()
                            .getJsonObject("error")
                            .getJsonObject("data")
                            .getJsonObject("requiredCapabilities")
                            .containsKey("sampling"))
                    .isTrue();
        }

        @Test
        void rule3_17_modernCallWithoutLogLevelThenNotStreamedAndNoLogs() {
            Prepared prepared = server.prepare(
                    modern(MODERN, "tools/call", "slow", request("tools/call", "{\"name\":\"slow\"," + META + "}")));

            assertThat(((Prepared.Run) prepared).call().streams()).isFalse();
        }

        @Test
        void rule3_14_resourcesReadWhenMissingThenMinus32602() {
            assertError(
                    run(modern(
                            MODERN,
                            "resources/read",
                            "test://none",
                            request("resources/read", "{\"uri\":\"test://none\"," + META + "}"))),
                    200,
                    -32602);
        }
    }

    private String initialize() {
        return run(legacy(
                        null,
                        null,
                        "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
                                + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}"))
                .newSessionId();
    }

    private Reply run(Incoming in) {
        Prepared prepared = server.prepare(in);
        return prepared instanceof Prepared.Answer answer
                ? answer.reply()
                : server.execute(((Prepared.Run) prepared).call(), Outbound.DISCARD);
    }

    private static Incoming legacy(String session, String version, String body) {
        return new Incoming(JsonRpc.parse(body), session, version, null, null);
    }

    private static Incoming modern(String version, String method, String name, String body) {
        return new Incoming(JsonRpc.parse(body), null, version, method, name);
    }

    private static String ping() {
        return request("ping", "{}");
    }

    private static String request(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    private static void assertError(Reply reply, int status, int code) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.body().getJsonObject("error").getInt("code")).isEqualTo(code);
    }

    private static void assertValid(String revision, String definition, JsonObject value) {
        assertThat(McpSchemas.errors(revision, definition, value))
                .as(definition + " " + value)
                .isEmpty();
    }

    private static Outbound collecting(List<JsonObject> sent) {
        return new Outbound() {
            @Override
            public boolean send(JsonObject message) {
                sent.add(message);
                return true;
            }

            @Override
            public boolean isClosed() {
                return false;
            }
        };
    }
}
