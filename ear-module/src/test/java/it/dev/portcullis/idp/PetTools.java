package it.dev.portcullis.idp;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.McpHttp.Answer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;

/** The demo tools the realm journeys call: who_am_i to see the caller, add_pet to have something to remove. */
final class PetTools {

    private PetTools() {}

    static JsonObject whoAmI(String origin, String token) throws Exception {
        Answer answer = McpClientJourney.callTool(origin + "/mcp", token, "who_am_i", "{}");
        assertThat(answer.status()).as(answer.response().body()).isEqualTo(200);
        return answer.result().getJsonObject("structuredContent");
    }

    static long addPet(String origin, String token, String name) throws Exception {
        Answer added = McpClientJourney.callTool(
                origin + "/mcp", token, "add_pet", "{\"name\":\"" + name + "\",\"species\":\"cat\"}");
        assertThat(added.status()).as(added.response().body()).isEqualTo(200);
        return added.result()
                .getJsonObject("structuredContent")
                .getJsonNumber("id")
                .longValue();
    }

    static List<String> strings(JsonArray array) {
        return array == null
                ? List.of()
                : array.getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList();
    }
}
