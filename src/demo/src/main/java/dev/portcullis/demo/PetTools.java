package dev.portcullis.demo;

import dev.portcullis.mcp.api.Caller;
import dev.portcullis.mcp.api.RequiresScopes;
import dev.portcullis.mcp.api.Tool;
import dev.portcullis.mcp.api.ToolArg;
import dev.portcullis.mcp.api.ToolCallException;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The demo MCP tools: the pet store through its transactional EJB. Reading tools need scope {@code pets:read},
 * changing ones {@code pets:write}; removing a pet is for the realm's {@code mcp-admins} only, which the EJB enforces
 * with {@code @RolesAllowed} against the caller the access token established.
 */
@ApplicationScoped
public class PetTools {

    @Inject
    private PetStore store;

    /** A pet as tools show it. */
    public record PetView(long id, String name, String species, Pet.Status status) {
        static PetView of(Pet pet) {
            return new PetView(pet.getId(), pet.getName(), pet.getSpecies(), pet.getStatus());
        }
    }

    /** The answer of {@code list_pets}: structured content must be an object. */
    public record PetList(List<PetView> pets) {}

    @RequiresScopes("pets:read")
    @Tool(
            name = "list_pets",
            title = "List pets",
            description = "Lists the pets in the store with a given status.",
            structuredContent = true,
            annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = false))
    public PetList listPets(
            @ToolArg(description = "Only pets with this status", defaultValue = "AVAILABLE") Pet.Status status) {
        return new PetList(store.withStatus(status).stream().map(PetView::of).toList());
    }

    @RequiresScopes("pets:read")
    @Tool(
            name = "get_pet",
            title = "Get pet",
            description = "Looks up one pet by its id.",
            structuredContent = true,
            annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = false))
    public PetView getPet(@ToolArg(description = "The pet's id") long id) {
        return store.find(id)
                .map(PetView::of)
                .orElseThrow(() -> new ToolCallException(
                        "There is no pet with id " + id + "; use list_pets to see the pets that exist."));
    }

    @RequiresScopes("pets:write")
    // auditArguments: the audit trail shows what was added (the demo of recording a tool's arguments and result)
    @Tool(
            name = "add_pet",
            title = "Add pet",
            description = "Adds a pet to the store, available for sale.",
            structuredContent = true,
            annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false),
            auditArguments = true)
    public PetView addPet(
            @ToolArg(description = "The pet's name, 1 to 100 characters") String name,
            @ToolArg(description = "The species, e.g. dog or cat, 1 to 40 characters") String species,
            @ToolArg(description = "Set to check the input without storing the pet", required = false)
                    Optional<Boolean> dryRun) {
        try {
            if (dryRun.orElse(false)) {
                return new PetView(0, name, species, Pet.Status.AVAILABLE);
            }
            return PetView.of(store.add(name, species));
        } catch (InvalidPetException e) {
            throw new ToolCallException(e.getMessage());
        }
    }

    @RequiresScopes("pets:write")
    @Tool(
            name = "sell_pet",
            title = "Sell pet",
            description = "Marks a pet as sold. Cannot be undone.",
            structuredContent = true,
            annotations = @Tool.Annotations(idempotentHint = true, openWorldHint = false))
    public PetView sellPet(@ToolArg(description = "The pet's id") long id) {
        return store.sell(id)
                .map(PetView::of)
                .orElseThrow(() -> new ToolCallException(
                        "There is no pet with id " + id + "; use list_pets to see the pets that exist."));
    }

    @RequiresScopes("pets:write")
    @Tool(
            name = "remove_pet",
            title = "Remove pet",
            description = "Removes a pet from the store for good. " + "Only administrators may do this.",
            annotations = @Tool.Annotations(openWorldHint = false))
    public String removePet(@ToolArg(description = "The pet's id") long id) {
        try {
            return store.remove(id) ? "Removed pet " + id + "." : "There is no pet with id " + id + ".";
        } catch (EJBAccessException e) {
            throw new ToolCallException("Only administrators (group mcp-admins) may remove pets.");
        }
    }

    /** What {@code who_am_i} reports: the caller as the access token describes it. */
    public record Identity(String name, List<String> groups, List<String> scopes) {}

    @Tool(
            name = "who_am_i",
            title = "Who am I",
            description = "Tells who the server thinks is calling.",
            structuredContent = true,
            annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = false))
    public Identity whoAmI(Caller caller) {
        return new Identity(
                caller.name(),
                caller.groups().stream().sorted().toList(),
                caller.scopes().stream().sorted().toList());
    }
}
