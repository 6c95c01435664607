package dev.portcullis.conformance;

import dev.portcullis.mcp.api.ClientRequests;
import dev.portcullis.mcp.api.McpLog;
import dev.portcullis.mcp.api.Tool;
import dev.portcullis.mcp.api.ToolArg;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/** The conformance suite's tools that ask the client: sampling and elicitation. */
@ApplicationScoped
public class ConformanceClientTools {

    @Tool(name = "test_sampling", description = "Asks the client's LLM")
    public String sampling(@ToolArg(description = "The prompt to send to the LLM") String prompt, ClientRequests client) {
        JsonObject result = client.createMessage(prompt, 100);
        JsonObject content = result.getJsonObject("content");
        String text = content == null ? result.toString() : content.getString("text", content.toString());
        return "LLM response: " + text;
    }

    @Tool(name = "test_elicitation", description = "Asks the user for a name and an e-mail address")
    public String elicitation(@ToolArg(description = "The message to show the user") String message,
            ClientRequests client) {
        JsonObject result = client.elicit(message, json("""
                {"type":"object","properties":{
                  "username":{"type":"string","description":"User's response"},
                  "email":{"type":"string","description":"User's email address"}},
                 "required":["username","email"]}"""));
        return "User response: " + describe(result);
    }

    @Tool(name = "test_elicitation_sep1034_defaults", description = "Elicitation with defaults for every primitive type")
    public String defaults(ClientRequests client) {
        JsonObject result = client.elicit("Please review and update the form fields with defaults", json("""
                {"type":"object","properties":{
                  "name":{"type":"string","description":"User name","default":"John Doe"},
                  "age":{"type":"integer","description":"User age","default":30},
                  "score":{"type":"number","description":"User score","default":95.5},
                  "status":{"type":"string","description":"User status","enum":["active","inactive","pending"],
                            "default":"active"},
                  "verified":{"type":"boolean","description":"Verification status","default":true}}}"""));
        return "Elicitation completed: " + describe(result);
    }

    @Tool(name = "test_elicitation_sep1330_enums", description = "Elicitation with all enum schema variants")
    public String enums(ClientRequests client) {
        JsonObject result = client.elicit("Please select options from the enum fields", json("""
                {"type":"object","properties":{
                  "untitledSingle":{"type":"string","description":"Select one option",
                                    "enum":["option1","option2","option3"]},
                  "titledSingle":{"type":"string","description":"Select one option with titles",
                                  "oneOf":[{"const":"value1","title":"First Option"},
                                           {"const":"value2","title":"Second Option"},
                                           {"const":"value3","title":"Third Option"}]},
                  "legacyEnum":{"type":"string","description":"Select one option (legacy)",
                                "enum":["opt1","opt2","opt3"],
                                "enumNames":["Option One","Option Two","Option Three"]},
                  "untitledMulti":{"type":"array","description":"Select multiple options",
                                   "items":{"type":"string","enum":["option1","option2","option3"]}},
                  "titledMulti":{"type":"array","description":"Select multiple options with titles",
                                 "items":{"anyOf":[{"const":"value1","title":"First Choice"},
                                                   {"const":"value2","title":"Second Choice"},
                                                   {"const":"value3","title":"Third Choice"}]}}}}"""));
        return "Elicitation completed: " + describe(result);
    }

    @Tool(name = "test_missing_capability", description = "Needs sampling; without it the call is rejected with -32021")
    public String missingCapability(ClientRequests client) {
        return "LLM response: " + client.createMessage("Say hello", 10);
    }

    @Tool(name = "test_streaming_elicitation", description = "Asks the user while streaming")
    public String streamingElicitation(ClientRequests client) {
        return "User response: " + describe(client.elicit("What is your name?", json("""
                {"type":"object","properties":{"name":{"type":"string"}},"required":["name"]}""")));
    }

    @Tool(name = "test_logging_tool", description = "Logs at info and warning level")
    public String loggingTool(McpLog log) {
        log.info("Logging tool ran");
        log.send(McpLog.Level.WARNING, "conformance", "A warning");
        return "Logged";
    }

    private static String describe(JsonObject result) {
        return "action=" + result.getString("action", "unknown") + ", content="
                + (result.containsKey("content") ? result.get("content").toString() : "{}");
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
