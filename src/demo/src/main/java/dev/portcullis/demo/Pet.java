package dev.portcullis.demo;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A pet in the demo store. */
@Entity
@Table(name = "PET")
@NamedQuery(name = Pet.FIND_BY_STATUS, query = "SELECT p FROM Pet p WHERE p.status = :status ORDER BY p.id")
public class Pet {

    public static final String FIND_BY_STATUS = "Pet.findByStatus";

    /** Where a pet is in the store's life cycle. */
    public enum Status {
        AVAILABLE,
        PENDING,
        SOLD
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "NAME", nullable = false, length = 100)
    private String name;

    @Column(name = "SPECIES", nullable = false, length = 40)
    private String species;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 20)
    private Status status;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    protected Pet() {
        // for JPA
    }

    public Pet(String name, String species, Instant createdAt) {
        this.name = name;
        this.species = species;
        this.status = Status.AVAILABLE;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getSpecies() {
        return species;
    }

    public Status getStatus() {
        return status;
    }

    public void setStatus(Status status) {
        this.status = status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
