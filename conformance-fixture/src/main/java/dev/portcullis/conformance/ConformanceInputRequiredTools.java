package dev.portcullis.conformance;

import dev.portcullis.mcp.api.ClientRequests;
import dev.portcullis.mcp.api.ClientRequests.Request;
import dev.portcullis.mcp.api.Prompt;
import dev.portcullis.mcp.api.PromptMessage;
import dev.portcullis.mcp.api.Tool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** The 2026-07-28 multi-round-trip ({@code input_required}) fixtures of the conformance suite. */
@ApplicationScoped
public class ConformanceInputRequiredTools {

    @Tool(name = "test_input_required_result_elicitation", description = "Asks for the user's name")
    public String elicitation(ClientRequests client) {
        return "Hello, " + name(client.ask("user_name", "elicitation/create", nameQuestion("What is your name?"))) + "!";
    }

    @Tool(name = "test_input_required_result_sampling", description = "Asks the client's LLM a question")
    public String sampling(ClientRequests client) {
        return "Sampling response: " + text(client.ask("capital_question", "sampling/createMessage",
                sample("What is the capital of France?", 100)));
    }

    @Tool(name = "test_input_required_result_list_roots", description = "Asks for the client's roots")
    public String listRoots(ClientRequests client) {
        return "Roots: " + client.ask("client_roots", "roots/list", JsonValue.EMPTY_JSON_OBJECT).get("roots");
    }

    @Tool(name = "test_input_required_result_request_state", description = "Round-trips requestState")
    public String requestState(ClientRequests client) {
        JsonObject answer = client.ask("confirm", "elicitation/create", Json.createObjectBuilder()
                .add("message", "Please confirm").add("requestedSchema", Json.createObjectBuilder().add("type", "object")
                        .add("properties", Json.createObjectBuilder().add("ok", Json.createObjectBuilder().add("type", "boolean")))
                        .add("required", Json.createArrayBuilder().add("ok"))).build());
        return "state-ok: the server verified the requestState; answer " + answer.get("content");
    }

    @Tool(name = "test_input_required_result_multiple_inputs", description = "Asks three things at once")
    public String multipleInputs(ClientRequests client) {
        Map<String, Request> requests = new LinkedHashMap<>();
        requests.put("user_name", new Request("elicitation/create", nameQuestion("What is your name?")));
        requests.put("greeting", new Request("sampling/createMessage", sample("Generate a greeting", 50)));
        requests.put("client_roots", new Request("roots/list", JsonValue.EMPTY_JSON_OBJECT));
        Map<String, JsonObject> answers = client.askAll(requests);
        return "Got name " + name(answers.get("user_name")) + ", greeting " + text(answers.get("greeting"))
                + " and roots " + answers.get("client_roots").get("roots");
    }

    @Tool(name = "test_input_required_result_multi_round", description = "Asks two questions, one after the other")
    public String multiRound(ClientRequests client) {
        String name = name(client.ask("step1", "elicitation/create", nameQuestion("Step 1: What is your name?")));
        JsonObject color = client.ask("step2", "elicitation/create", Json.createObjectBuilder()
                .add("message", "Step 2: What is your favorite color?").add("requestedSchema", schema("color")).build());
        return "Hello " + name + ", your favorite color is " + field(color, "color");
    }

    @Tool(name = "test_input_required_result_tampered_state", description = "Needs its requestState intact")
    public String tamperedState(ClientRequests client) {
        return "Confirmed: " + client.ask("confirm", "elicitation/create", Json.createObjectBuilder()
                .add("message", "Please confirm").add("requestedSchema", schema("ok")).build()).get("content");
    }

    @Tool(name = "test_input_required_result_capabilities", description = "Asks only what the client can answer")
    public String capabilities(ClientRequests client) {
        Map<String, Request> requests = new LinkedHashMap<>();
        if (client.supports("sampling")) {
            requests.put("capital_question", new Request("sampling/createMessage", sample("What is the capital of France?", 100)));
        }
        if (client.supports("elicitation")) {
            requests.put("user_name", new Request("elicitation/create", nameQuestion("What is your name?")));
        }
        return "Answers: " + client.askAll(requests);
    }

    @Prompt(name = "test_input_required_result_prompt", description = "A prompt that asks the user for context")
    public PromptMessage prompt(ClientRequests client) {
        JsonObject answer = client.ask("user_context", "elicitation/create", Json.createObjectBuilder()
                .add("message", "What context should the prompt use?").add("requestedSchema", schema("context")).build());
        return PromptMessage.user("Use this context: " + field(answer, "context"));
    }

    private static JsonObject nameQuestion(String message) {
        return Json.createObjectBuilder().add("message", message).add("requestedSchema", schema("name")).build();
    }

    private static JsonObject schema(String property) {
        return Json.createObjectBuilder().add("type", "object")
                .add("properties", Json.createObjectBuilder().add(property, Json.createObjectBuilder().add("type", "string")))
                .add("required", Json.createArrayBuilder().add(property)).build();
    }

    private static JsonObject sample(String prompt, int maxTokens) {
        return Json.createObjectBuilder().add("messages", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("role", "user").add("content", Json.createObjectBuilder().add("type", "text").add("text", prompt))))
                .add("maxTokens", maxTokens).build();
    }

    private static String name(JsonObject elicitResult) {
        return field(elicitResult, "name");
    }

    private static String field(JsonObject elicitResult, String key) {
        JsonValue content = elicitResult.get("content");
        if (content instanceof JsonObject object && object.containsKey(key)) {
            JsonValue value = object.get(key);
            return value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
        }
        return "(" + elicitResult.getString("action", "no answer") + ")";
    }

    private static String text(JsonObject samplingResult) {
        JsonValue content = samplingResult.get("content");
        return content instanceof JsonObject object ? object.getString("text", object.toString()) : String.valueOf(content);
    }
}
