package dev.portcullis.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.platform.InstallationService;
import dev.portcullis.platform.SchemaMigration;
import dev.portcullis.testing.ProductWar;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container, on a managed Liberty with the real Derby datasource: the product WAR as built, the demo module's jar
 * (its own persistence unit beside core's), plus this class.
 * Entities go in through the {@code @Stateless} store's transactions and are read back, also with plain JDBC.
 */
@ExtendWith(ArquillianExtension.class)
class PetStoreArquillianIT {

    @Deployment
    static WebArchive deployment() {
        return ProductWar.named("portcullis-it.war")
                .addAsLibraries(new File(System.getProperty("portcullis.demo.jar")))
                .addClass(PetStoreArquillianIT.class);
    }

    @EJB
    private PetStore store;

    @EJB
    private SchemaMigration schema;

    @EJB
    private InstallationService installation;

    @Resource(lookup = "jdbc/portcullis")
    private DataSource dataSource;

    @Test
    void addWhenCommittedThenReadBackByIdAndStoredInDerby() throws Exception {
        Pet added = store.add("Rex", "dog");

        assertNotNull(added.getId(), "the identity column assigned an id");
        Pet found = store.find(added.getId()).orElseThrow();
        assertEquals("Rex", found.getName());
        assertEquals(Pet.Status.AVAILABLE, found.getStatus());

        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT NAME, SPECIES, STATUS FROM PET WHERE ID = ?")) {
            select.setLong(1, added.getId());
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "the row is in the PET table");
                assertEquals("Rex", row.getString("NAME"));
                assertEquals("dog", row.getString("SPECIES"));
                assertEquals("AVAILABLE", row.getString("STATUS"));
            }
        }
    }

    @Test
    void sellWhenPetExistsThenStatusPersisted() {
        Pet added = store.add("Tom", "cat");

        store.sell(added.getId());

        assertEquals(Pet.Status.SOLD, store.find(added.getId()).orElseThrow().getStatus());
        assertTrue(store.withStatus(Pet.Status.SOLD).stream()
                .anyMatch(p -> p.getId().equals(added.getId())));
    }

    @Test
    void addWhenNameBlankThenRefusedAndNothingStored() throws Exception {
        long before = countPets();

        assertThrows(InvalidPetException.class, () -> store.add("  ", "dog"));

        assertEquals(before, countPets());
    }

    @Test
    void startupWhenDeployedThenSchemaMigratedAndInstallationRecorded() {
        // At least V7 (the requestState key); later migrations must not break this test.
        assertTrue(Integer.parseInt(schema.schemaVersion()) >= 7, schema.schemaVersion());
        assertNotNull(installation.current().id());
        assertTrue(installation.current().startCount() >= 1);
    }

    private long countPets() throws Exception {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM PET")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
