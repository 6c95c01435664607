package dev.portcullis.demo;

import dev.portcullis.mcp.api.ClientRequests;
import dev.portcullis.mcp.api.RequiresScopes;
import dev.portcullis.mcp.api.Tool;
import dev.portcullis.mcp.api.Tool.TaskSupport;
import dev.portcullis.mcp.api.ToolArg;
import dev.portcullis.mcp.api.ToolCallException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Locale;

/**
 * The demo's task-capable tool: {@code pet_census} counts the pets of one species after asking the user (an
 * elicitation) which status to count. Called by a 2026-07-28 client that negotiated the tasks extension it runs as a
 * task: it parks on {@code input_required} until {@code tasks/update} brings the answer, then runs again from the
 * start with it, on whichever server received the answer. It only reads the store.
 *
 * @see <a href="https://modelcontextprotocol.io/seps/2663-tasks-extension">SEP-2663 Tasks extension</a>
 */
@ApplicationScoped
public class PetCensusTool {

    /** The key of the one question, in {@code inputRequests} and {@code inputResponses}. */
    static final String QUESTION = "status";

    @Inject
    private PetStore store;

    @RequiresScopes("pets:read")
    @Tool(
            name = "pet_census",
            title = "Pet census",
            description =
                    "Counts the store's pets of one species, after "
                            + "asking the user which status to count (available, pending or sold). Can run as a task (tasks extension).",
            taskSupport = TaskSupport.OPTIONAL,
            annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = false))
    public String petCensus(
            @ToolArg(description = "The species to count, e.g. dog or cat") String species, ClientRequests client) {
        JsonObject answer = client.ask(QUESTION, "elicitation/create", question(species));
        if (!(answer.get("action") instanceof JsonString action) || !"accept".equals(action.getString())) {
            return "The census of " + species + " was not taken: the question was declined.";
        }
        Pet.Status status = status(answer.getJsonObject("content"));
        long count = store.withStatus(status).stream()
                .filter(pet -> pet.getSpecies().equalsIgnoreCase(species.strip()))
                .count();
        return count + " " + status.name().toLowerCase(Locale.ROOT) + " " + species.strip() + " in the store.";
    }

    private static JsonObject question(String species) {
        return Json.createObjectBuilder()
                .add("message", "Count which " + species + "?")
                .add(
                        "requestedSchema",
                        Json.createObjectBuilder()
                                .add("type", "object")
                                .add(
                                        "properties",
                                        Json.createObjectBuilder()
                                                .add(
                                                        "status",
                                                        Json.createObjectBuilder()
                                                                .add("type", "string")
                                                                .add(
                                                                        "enum",
                                                                        Json.createArrayBuilder()
                                                                                .add("AVAILABLE")
                                                                                .add("PENDING")
                                                                                .add("SOLD"))))
                                .add("required", Json.createArrayBuilder().add("status")))
                .build();
    }

    private static Pet.Status status(JsonObject content) {
        String value = content != null && content.get("status") instanceof JsonString text ? text.getString() : null;
        try {
            return Pet.Status.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ToolCallException("The status must be AVAILABLE, PENDING or SOLD.");
        }
    }
}
