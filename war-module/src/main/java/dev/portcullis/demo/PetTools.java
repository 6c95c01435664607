package dev.portcullis.demo;

import dev.portcullis.mcp.api.Tool;
import dev.portcullis.mcp.api.ToolArg;
import dev.portcullis.mcp.api.ToolCallException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * The demo MCP tools: the pet store through its transactional EJB. Reading tools are meant for scope
 * {@code pets:read}, changing ones for {@code pets:write} (enforced once the endpoint requires tokens).
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
    public record PetList(List<PetView> pets) {
    }

    @Tool(name = "list_pets", title = "List pets", description = "Lists the pets in the store with a given status.",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = false))
    public PetList listPets(@ToolArg(description = "Only pets with this status", defaultValue = "AVAILABLE")
            Pet.Status status) {
        return new PetList(store.withStatus(status).stream().map(PetView::of).toList());
    }

    @Tool(name = "get_pet", title = "Get pet", description = "Looks up one pet by its id.",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = false))
    public PetView getPet(@ToolArg(description = "The pet's id") long id) {
        return store.find(id).map(PetView::of).orElseThrow(() -> new ToolCallException("There is no pet with id " + id
                + "; use list_pets to see the pets that exist."));
    }

    @Tool(name = "add_pet", title = "Add pet", description = "Adds a pet to the store, available for sale.",
            structuredContent = true, annotations = @Tool.Annotations(destructiveHint = false, openWorldHint = false))
    public PetView addPet(@ToolArg(description = "The pet's name, 1 to 100 characters") String name,
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

    @Tool(name = "sell_pet", title = "Sell pet", description = "Marks a pet as sold. Cannot be undone.",
            structuredContent = true, annotations = @Tool.Annotations(idempotentHint = true, openWorldHint = false))
    public PetView sellPet(@ToolArg(description = "The pet's id") long id) {
        return store.sell(id).map(PetView::of).orElseThrow(() -> new ToolCallException("There is no pet with id " + id
                + "; use list_pets to see the pets that exist."));
    }
}
