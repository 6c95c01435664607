package dev.portcullis.demo;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The demo store's transaction boundary: every method is one JTA transaction. */
@Stateless
public class PetStore {

    private static final int MAX_NAME = 100;
    private static final int MAX_SPECIES = 40;

    @PersistenceContext(unitName = "portcullis-demo")
    private EntityManager em;

    /** The engine's clock, which every bean of the application shares (and a test can move). */
    @Inject
    private Clock clock;

    /** Adds a pet, available for sale. */
    public Pet add(String name, String species) {
        Pet pet = new Pet(checked("name", name, MAX_NAME), checked("species", species, MAX_SPECIES), clock.instant());
        em.persist(pet);
        return pet;
    }

    public Optional<Pet> find(long id) {
        return Optional.ofNullable(em.find(Pet.class, id));
    }

    public List<Pet> withStatus(Pet.Status status) {
        return em.createNamedQuery(Pet.FIND_BY_STATUS, Pet.class)
                .setParameter("status", Objects.requireNonNull(status, "status"))
                .getResultList();
    }

    /** Marks a pet sold; empty when there is no such pet. */
    public Optional<Pet> sell(long id) {
        Optional<Pet> pet = find(id);
        pet.ifPresent(p -> p.setStatus(Pet.Status.SOLD));
        return pet;
    }

    private static String checked(String what, String value, int max) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty() || trimmed.length() > max) {
            throw new InvalidPetException(what + " must be 1 to " + max + " characters");
        }
        return trimmed;
    }

    /** Deletes a pet; false when there was none. Administrators only, whoever calls. */
    @RolesAllowed("mcp-admins")
    public boolean remove(long id) {
        Pet pet = em.find(Pet.class, id);
        if (pet == null) {
            return false;
        }
        em.remove(pet);
        return true;
    }
}
