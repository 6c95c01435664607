package dev.portcullis.mcp.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.json.Jsons;
import dev.portcullis.mcp.testing.McpSchemas;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wire records map to the JSON the schemas define, with the properties in the order the engine always sent. */
class WireTest {

    private static final ServerCapabilities.ListChanged LIST_CHANGED = new ServerCapabilities.ListChanged(true);
    private static final ServerCapabilities.Resources RESOURCES = new ServerCapabilities.Resources(true, true);

    @Test
    void initializeResultWhenMappedThenValidLegacyInitializeResultInTheEngineOrder() {
        JsonObject json = Wire.toJson(new InitializeResult(
                "2025-11-25",
                new ServerCapabilities.Legacy(
                        LIST_CHANGED,
                        RESOURCES,
                        LIST_CHANGED,
                        JsonValue.EMPTY_JSON_OBJECT,
                        JsonValue.EMPTY_JSON_OBJECT),
                new Implementation("portcullis", "1.0"),
                null));

        assertThat(json.toString())
                .isEqualTo("{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"tools\":"
                        + "{\"listChanged\":true},\"resources\":{\"subscribe\":true,\"listChanged\":true},\"prompts\":"
                        + "{\"listChanged\":true},\"completions\":{},\"logging\":{}},\"serverInfo\":{\"name\":\"portcullis\","
                        + "\"version\":\"1.0\"}}");
        assertThat(McpSchemas.errors("2025-11-25", "InitializeResult", json)).isEmpty();
    }

    @Test
    void initializeResultWhenInstructionsThenLastAndValid() {
        JsonObject json = Wire.toJson(new InitializeResult(
                "2025-11-25",
                new ServerCapabilities.Legacy(null, null, null, null, null),
                new Implementation("p", "1"),
                "Use the pet tools."));

        assertThat(json.keySet()).containsExactly("protocolVersion", "capabilities", "serverInfo", "instructions");
        assertThat(json.getJsonObject("capabilities")).isEmpty();
        assertThat(McpSchemas.errors("2025-11-25", "InitializeResult", json)).isEmpty();
    }

    @Test
    void discoverResultWhenMappedAndDecoratedThenValidModernDiscoverResult() {
        JsonObject json = Wire.toJson(new DiscoverResult(
                List.of("2026-07-28"),
                new ServerCapabilities.Modern(
                        Map.of("io.modelcontextprotocol/tasks", JsonValue.EMPTY_JSON_OBJECT),
                        LIST_CHANGED,
                        RESOURCES,
                        LIST_CHANGED,
                        JsonValue.EMPTY_JSON_OBJECT,
                        JsonValue.EMPTY_JSON_OBJECT),
                "Use the pet tools."));

        assertThat(json.toString())
                .isEqualTo("{\"supportedVersions\":[\"2026-07-28\"],\"capabilities\":"
                        + "{\"extensions\":{\"io.modelcontextprotocol/tasks\":{}},\"tools\":{\"listChanged\":true},"
                        + "\"resources\":{\"subscribe\":true,\"listChanged\":true},\"prompts\":{\"listChanged\":true},"
                        + "\"completions\":{},\"logging\":{}},\"instructions\":\"Use the pet tools.\"}");
        // what the dispatcher adds to every cacheable modern result
        JsonObject decorated = Jsons.PROVIDER
                .createObjectBuilder(json)
                .add("resultType", "complete")
                .add("ttlMs", 0)
                .add("cacheScope", "private")
                .add(
                        "_meta",
                        Jsons.PROVIDER
                                .createObjectBuilder()
                                .add("io.modelcontextprotocol/serverInfo", Wire.toJson(new Implementation("p", "1"))))
                .build();
        assertThat(McpSchemas.errors("2026-07-28", "DiscoverResult", decorated)).isEmpty();
    }

    @Test
    void modernCapabilitiesWhenMappedThenValidAgainstBothRevisionsOnlyWhereTheyHaveTheField() {
        JsonObject modern = Wire.toJson(new ServerCapabilities.Modern(
                Map.of("io.modelcontextprotocol/tasks", JsonValue.EMPTY_JSON_OBJECT),
                LIST_CHANGED,
                RESOURCES,
                LIST_CHANGED,
                JsonValue.EMPTY_JSON_OBJECT,
                JsonValue.EMPTY_JSON_OBJECT));
        JsonObject legacy = Wire.toJson(new ServerCapabilities.Legacy(
                LIST_CHANGED, RESOURCES, LIST_CHANGED, JsonValue.EMPTY_JSON_OBJECT, JsonValue.EMPTY_JSON_OBJECT));

        assertThat(McpSchemas.errors("2026-07-28", "ServerCapabilities", modern))
                .isEmpty();
        assertThat(McpSchemas.errors("2025-11-25", "ServerCapabilities", legacy))
                .isEmpty();
        assertThat(legacy.containsKey("extensions")).isFalse();
    }

    @Test
    void completeResultWhenMappedThenValidInBothRevisionsInTheEngineOrder() {
        JsonObject json =
                Wire.toJson(new CompleteResult(new CompleteResult.Completion(List.of("cat", "dog"), 2, false)));

        assertThat(json.toString())
                .isEqualTo("{\"completion\":{\"values\":[\"cat\",\"dog\"],\"total\":2," + "\"hasMore\":false}}");
        assertThat(McpSchemas.errors("2025-11-25", "CompleteResult", json)).isEmpty();
        assertThat(McpSchemas.errors(
                        "2026-07-28",
                        "CompleteResult",
                        Jsons.PROVIDER
                                .createObjectBuilder(json)
                                .add("resultType", "complete")
                                .build()))
                .isEmpty();
    }

    @Test
    void subscriptionsAcknowledgedWhenMappedThenValidModernParamsWithoutUnhonoredFlags() {
        JsonObject json = Wire.toJson(new SubscriptionsAcknowledgedNotificationParams(
                new SubscriptionsAcknowledgedNotificationParams.SubscriptionFilter(true, null, null, List.of("a://x")),
                Map.of("io.modelcontextprotocol/subscriptionId", Jsons.PROVIDER.createValue(7))));

        assertThat(json.toString())
                .isEqualTo(
                        "{\"notifications\":{\"toolsListChanged\":true,"
                                + "\"resourceSubscriptions\":[\"a://x\"]},\"_meta\":{\"io.modelcontextprotocol/subscriptionId\":7}}");
        assertThat(McpSchemas.errors("2026-07-28", "SubscriptionsAcknowledgedNotificationParams", json))
                .isEmpty();
    }
}
