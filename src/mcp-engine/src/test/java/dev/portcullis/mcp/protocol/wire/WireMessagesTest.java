package dev.portcullis.mcp.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.json.JsonInput;
import dev.portcullis.json.Jsons;
import dev.portcullis.mcp.protocol.JsonRpc;
import dev.portcullis.mcp.protocol.JsonRpcErrorCodes;
import dev.portcullis.mcp.testing.McpSchemas;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The wire records of the list, read, prompt, notification, input-request, error-data and task messages: each
 * example maps to the JSON the engine always sent (the exact text, so the property order too), validates against
 * the definition of each revision that has the message, and has no member the definition does not declare (the
 * schemas leave {@code additionalProperties} open, so that is what catches a misspelt optional field).
 */
class WireMessagesTest {

    private static final String LEGACY = "2025-11-25";
    private static final String MODERN = "2026-07-28";
    private static final Map<String, JsonValue> SUBSCRIPTION =
            Map.of("io.modelcontextprotocol/subscriptionId", Jsons.PROVIDER.createValue(7));

    private static final JsonObject INPUT_SCHEMA =
            object("{\"type\":\"object\",\"properties\":{\"id\":" + "{\"type\":\"integer\"}},\"required\":[\"id\"]}");

    @Test
    void toolWhenMappedThenValidInBothRevisionsInTheEngineOrder() {
        JsonObject json = Wire.toJson(new Tool(
                "get_pet",
                "Get a pet",
                "Looks a pet up",
                INPUT_SCHEMA,
                object("{\"type\":\"object\"}"),
                new ToolAnnotations("Pets", true, false, true, false)));

        assertThat(json.toString())
                .isEqualTo("{\"name\":\"get_pet\",\"title\":\"Get a pet\",\"description\":\"Looks a pet up\","
                        + "\"inputSchema\":" + INPUT_SCHEMA + ",\"outputSchema\":{\"type\":\"object\"},"
                        + "\"annotations\":{\"title\":\"Pets\",\"readOnlyHint\":true,\"destructiveHint\":false,"
                        + "\"idempotentHint\":true,\"openWorldHint\":false}}");
        assertValidInBoth("Tool", json);
    }

    @Test
    void listToolsResultWhenMoreThanOnePageThenNextCursorAndValidInBothRevisions() {
        JsonObject tool = Wire.toJson(new Tool("a", null, null, INPUT_SCHEMA, null, null));
        JsonObject json = Wire.toJson(new ListToolsResult(List.of(tool), "djE6MQ"));

        assertThat(json.toString())
                .isEqualTo("{\"tools\":[{\"name\":\"a\",\"inputSchema\":" + INPUT_SCHEMA
                        + "}],\"nextCursor\":\"djE6MQ\"}");
        assertThat(Wire.toJson(new ListToolsResult(List.of(), null)).toString()).isEqualTo("{\"tools\":[]}");
        assertValidLegacyAndCacheableModern("ListToolsResult", json);
    }

    @Test
    void listToolsPageWhenBuiltThenTheRecordsExactJson() {
        JsonObject a = Wire.toJson(new Tool("a", null, null, INPUT_SCHEMA, null, null));
        JsonObject b = Wire.toJson(new Tool("b", "B", "Does b", INPUT_SCHEMA, null, null));

        assertThat(ListToolsResult.json(List.of(a, b), "djE6Mg").toString())
                .isEqualTo(Wire.toJson(new ListToolsResult(List.of(a, b), "djE6Mg"))
                        .toString());
        assertThat(ListToolsResult.json(List.of(a), null).toString())
                .isEqualTo(Wire.toJson(new ListToolsResult(List.of(a), null)).toString())
                .isEqualTo("{\"tools\":[{\"name\":\"a\",\"inputSchema\":" + INPUT_SCHEMA + "}]}");
        assertThat(ListToolsResult.json(List.of(), null).toString()).isEqualTo("{\"tools\":[]}");
    }

    @Test
    void resourcesAndTemplatesWhenListedThenValidInBothRevisions() {
        JsonObject resource = Wire.toJson(new Resource("pets://all", "pets", null, "All pets", "application/json"));
        JsonObject template = Wire.toJson(new ResourceTemplate("pets://{id}", "pet", "A pet", null, null));

        assertThat(resource.toString())
                .isEqualTo("{\"uri\":\"pets://all\",\"name\":\"pets\",\"description\":\"All pets\","
                        + "\"mimeType\":\"application/json\"}");
        assertThat(template.toString())
                .isEqualTo("{\"uriTemplate\":\"pets://{id}\",\"name\":\"pet\",\"title\":\"A pet\"}");
        assertValidLegacyAndCacheableModern(
                "ListResourcesResult", Wire.toJson(new ListResourcesResult(List.of(resource), "x")));
        assertValidLegacyAndCacheableModern(
                "ListResourceTemplatesResult", Wire.toJson(new ListResourceTemplatesResult(List.of(template), null)));
    }

    @Test
    void promptsWhenListedAndGotThenValidInBothRevisions() {
        JsonObject prompt = Wire.toJson(new Prompt(
                "greet",
                null,
                "Greets",
                List.of(new PromptArgument("name", "Who", true), new PromptArgument("tone", null, false))));
        assertThat(prompt.toString())
                .isEqualTo("{\"name\":\"greet\",\"description\":\"Greets\",\"arguments\":[{\"name\":\"name\","
                        + "\"description\":\"Who\",\"required\":true},{\"name\":\"tone\",\"required\":false}]}");
        assertValidLegacyAndCacheableModern(
                "ListPromptsResult", Wire.toJson(new ListPromptsResult(List.of(prompt), null)));

        JsonObject got = Wire.toJson(new GetPromptResult(
                "A greeting",
                List.of(new GetPromptResult.PromptMessage("user", object("{\"type\":\"text\",\"text\":\"Hi\"}")))));
        assertThat(got.toString())
                .isEqualTo("{\"description\":\"A greeting\",\"messages\":[{\"role\":\"user\",\"content\":"
                        + "{\"type\":\"text\",\"text\":\"Hi\"}}]}");
        assertValid(LEGACY, "GetPromptResult", got);
        assertValid(MODERN, "GetPromptResult", modern(got, false));
    }

    @Test
    void readResourceResultWhenJsonValueThenTextContentsValidInBothRevisions() {
        JsonObject contents =
                Wire.toJson(new ReadResourceResult.TextResourceContents("pets://1", "application/json", "{\"id\":1}"));
        JsonObject json = Wire.toJson(new ReadResourceResult(
                Jsons.PROVIDER.createArrayBuilder().add(contents).build()));

        assertThat(json.toString())
                .isEqualTo("{\"contents\":[{\"uri\":\"pets://1\",\"mimeType\":\"application/json\","
                        + "\"text\":\"{\\\"id\\\":1}\"}]}");
        assertValidLegacyAndCacheableModern("ReadResourceResult", json);
    }

    @Test
    void progressAndLogNotificationsWhenMappedThenValidInBothRevisions() {
        JsonObject progress =
                Wire.toJson(new ProgressNotificationParams(Jsons.PROVIDER.createValue("t1"), 0.5, 2.0, "half"));
        JsonObject bare = Wire.toJson(new ProgressNotificationParams(Jsons.PROVIDER.createValue(3), 1, null, null));
        JsonObject log = Wire.toJson(new LoggingMessageNotificationParams("info", "pets", "fed"));

        assertThat(progress.toString())
                .isEqualTo("{\"progressToken\":\"t1\",\"progress\":0.5,\"total\":2.0,\"message\":\"half\"}");
        assertThat(bare.toString()).isEqualTo("{\"progressToken\":3,\"progress\":1.0}");
        assertThat(log.toString()).isEqualTo("{\"level\":\"info\",\"logger\":\"pets\",\"data\":\"fed\"}");
        assertValidInBoth("ProgressNotification", JsonRpc.notification("notifications/progress", progress));
        assertValidInBoth("ProgressNotification", JsonRpc.notification("notifications/progress", bare));
        assertValidInBoth("LoggingMessageNotification", JsonRpc.notification("notifications/message", log));
    }

    @Test
    void listenStreamNotificationsWhenMappedThenValidWhereTheRevisionHasThem() {
        JsonObject updated = Wire.toJson(new ResourceUpdatedNotificationParams("pets://1", SUBSCRIPTION));
        JsonObject changed = Wire.toJson(new NotificationParams(SUBSCRIPTION));
        JsonObject cancelled =
                Wire.toJson(new CancelledNotificationParams(Jsons.PROVIDER.createValue(7), "too slow", SUBSCRIPTION));
        JsonObject legacyUpdated = Wire.toJson(new ResourceUpdatedNotificationParams("pets://1", null));

        assertThat(updated.toString())
                .isEqualTo("{\"uri\":\"pets://1\",\"_meta\":{\"io.modelcontextprotocol/subscriptionId\":7}}");
        assertThat(cancelled.toString())
                .isEqualTo("{\"requestId\":7,\"reason\":\"too slow\",\"_meta\":"
                        + "{\"io.modelcontextprotocol/subscriptionId\":7}}");
        assertThat(legacyUpdated.toString()).isEqualTo("{\"uri\":\"pets://1\"}");
        assertValid(
                MODERN,
                "ResourceUpdatedNotification",
                JsonRpc.notification("notifications/resources/updated", updated));
        assertValid(
                MODERN,
                "ToolListChangedNotification",
                JsonRpc.notification("notifications/tools/list_changed", changed));
        assertValid(MODERN, "CancelledNotification", JsonRpc.notification("notifications/cancelled", cancelled));
        assertValidInBoth(
                "ResourceUpdatedNotification", JsonRpc.notification("notifications/resources/updated", legacyUpdated));
        assertValid(
                LEGACY,
                "CancelledNotification",
                JsonRpc.notification(
                        "notifications/cancelled",
                        Wire.toJson(new CancelledNotificationParams(Jsons.PROVIDER.createValue(7), "gone", null))));
    }

    @Test
    void listenResultWhenMappedThenValidModernResult() {
        Map<String, JsonValue> meta = new LinkedHashMap<>(SUBSCRIPTION);
        meta.put("io.modelcontextprotocol/serverInfo", Wire.toJson(new Implementation("p", "1")));
        JsonObject json = Wire.toJson(new SubscriptionsListenResult("complete", meta));

        assertThat(json.toString())
                .isEqualTo("{\"resultType\":\"complete\",\"_meta\":{\"io.modelcontextprotocol/subscriptionId\":7,"
                        + "\"io.modelcontextprotocol/serverInfo\":{\"name\":\"p\",\"version\":\"1\"}}}");
        assertValid(MODERN, "SubscriptionsListenResult", json);
    }

    @Test
    void inputRequiredResultWhenMappedThenValidModernResultWithTheRequestsInOrder() {
        Map<String, InputRequest> requests = new LinkedHashMap<>();
        requests.put(
                "sampling",
                new InputRequest(
                        "sampling/createMessage",
                        object("{\"messages\":[{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"Hi\"}}],"
                                + "\"maxTokens\":10}")));
        requests.put("roots", new InputRequest("roots/list", JsonValue.EMPTY_JSON_OBJECT));
        JsonObject json = Wire.toJson(new InputRequiredResult(requests, "state"));

        assertThat(json.toString())
                .startsWith("{\"resultType\":\"input_required\",\"inputRequests\":{\"sampling\":"
                        + "{\"method\":\"sampling/createMessage\",\"params\":");
        assertThat(json.getJsonObject("inputRequests").keySet()).containsExactly("sampling", "roots");
        assertThat(json.getString("requestState")).isEqualTo("state");
        assertValid(MODERN, "InputRequiredResult", json);
        assertThat(Wire.toJson(requests)).isEqualTo(json.getJsonObject("inputRequests"));
    }

    @Test
    void errorDataWhenMappedThenValidModernErrorResponses() {
        JsonObject unsupported = JsonRpc.error(
                Jsons.PROVIDER.createValue(1),
                JsonRpcErrorCodes.UNSUPPORTED_PROTOCOL_VERSION,
                "Unsupported protocol version",
                Wire.toJson(new UnsupportedProtocolVersionData(List.of(MODERN), "2024-01-01")));
        JsonObject missing = JsonRpc.error(
                Jsons.PROVIDER.createValue(1),
                JsonRpcErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY,
                "Missing required client capability: extension io.modelcontextprotocol/tasks",
                Wire.toJson(new MissingCapabilityData(
                        Map.of("extensions", Map.of("io.modelcontextprotocol/tasks", JsonValue.EMPTY_JSON_OBJECT)))));

        assertThat(unsupported.getJsonObject("error").getJsonObject("data").toString())
                .isEqualTo("{\"supported\":[\"2026-07-28\"],\"requested\":\"2024-01-01\"}");
        assertThat(missing.getJsonObject("error").getJsonObject("data").toString())
                .isEqualTo("{\"requiredCapabilities\":{\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}}");
        assertValid(MODERN, "UnsupportedProtocolVersionError", unsupported);
        assertValid(MODERN, "MissingRequiredClientCapabilityError", missing);
        assertThat(Wire.toJson(new ResourceNotFoundData("pets://9")).toString()).isEqualTo("{\"uri\":\"pets://9\"}");
        JsonObject error = Wire.toJson(new JsonRpcError(-32603, "Internal error", null));
        assertThat(error.toString()).isEqualTo("{\"code\":-32603,\"message\":\"Internal error\"}");
        assertValidInBoth("Error", error);
    }

    @Test
    void taskWhenCreatedOrDetailedThenTheExtensionsFieldsInOrder() {
        JsonObject created = Wire.toJson(new Task(
                "t",
                "working",
                "2026-12-07T10:00:00Z",
                "2026-12-07T10:00:00Z",
                3600000,
                500,
                null,
                null,
                null,
                "task"));
        JsonObject failed = Wire.toJson(new Task(
                "t",
                "failed",
                "2026-12-07T10:00:00Z",
                "2026-12-07T10:00:01Z",
                3600000,
                500,
                null,
                Wire.toJson(new JsonRpcError(-32603, "Internal error", null)),
                null,
                null));

        // SEP-2663 is in neither schema file: the text is the check
        assertThat(created.toString())
                .isEqualTo("{\"taskId\":\"t\",\"status\":\"working\",\"createdAt\":\"2026-12-07T10:00:00Z\","
                        + "\"lastUpdatedAt\":\"2026-12-07T10:00:00Z\",\"ttlMs\":3600000,\"pollIntervalMs\":500,"
                        + "\"resultType\":\"task\"}");
        assertThat(failed.keySet())
                .containsExactly("taskId", "status", "createdAt", "lastUpdatedAt", "ttlMs", "pollIntervalMs", "error");
    }

    @Test
    void misspeltOptionalFieldWhenCheckedThenUndeclaredThoughTheSchemaValidatesIt() {
        JsonObject misspelt = object("{\"name\":\"a\",\"inputSchema\":{\"type\":\"object\"},\"descripton\":\"x\"}");
        JsonObject nested = object("{\"tools\":[{\"name\":\"a\",\"inputSchema\":{\"type\":\"object\"},"
                + "\"annotations\":{\"readOnly\":true}}]}");

        assertThat(McpSchemas.errors(LEGACY, "Tool", misspelt)).isEmpty();
        assertThat(McpSchemas.undeclared(LEGACY, "Tool", misspelt)).containsExactly("/descripton");
        assertThat(McpSchemas.undeclared(MODERN, "ListToolsResult", nested))
                .containsExactly("/tools/0/annotations/readOnly");
    }

    private static void assertValidInBoth(String definition, JsonObject json) {
        assertValid(LEGACY, definition, json);
        assertValid(MODERN, definition, json);
    }

    private static void assertValidLegacyAndCacheableModern(String definition, JsonObject json) {
        assertValid(LEGACY, definition, json);
        assertValid(MODERN, definition, modern(json, true));
    }

    private static void assertValid(String revision, String definition, JsonObject json) {
        assertThat(McpSchemas.errors(revision, definition, json))
                .as("%s %s: %s", revision, definition, json)
                .isEmpty();
        assertThat(McpSchemas.undeclared(revision, definition, json))
                .as("%s %s: %s", revision, definition, json)
                .isEmpty();
    }

    /** What the dispatcher adds to a modern result. */
    private static JsonObject modern(JsonObject result, boolean cacheable) {
        var decorated = Jsons.PROVIDER.createObjectBuilder(result).add("resultType", "complete");
        if (cacheable) {
            decorated.add("ttlMs", 0).add("cacheScope", "private");
        }
        return decorated
                .add(
                        "_meta",
                        Jsons.PROVIDER
                                .createObjectBuilder()
                                .add("io.modelcontextprotocol/serverInfo", Wire.toJson(new Implementation("p", "1"))))
                .build();
    }

    private static JsonObject object(String json) {
        return JsonInput.read(json).asJsonObject();
    }
}
