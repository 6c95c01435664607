package it.dev.portcullis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import it.dev.portcullis.support.AppServer;
import it.dev.portcullis.support.ServerUnderTest;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On WildFly, whose default JPA provider is Hibernate, the persistence unit runs on EclipseLink, the provider its
 * mappings and queries are tested with (persistence.xml names it; src/servers/wildfly puts it into the
 * {@code org.eclipse.persistence} module): the server log names EclipseLink and no Hibernate ORM.
 */
@ExtendWith(ServerUnderTest.class)
class PersistenceProviderIT {

    @Test
    void wildFlyRunsThePersistenceUnitOnEclipseLink() throws Exception {
        AppServer server = AppServer.current();
        assumeTrue(server.name().equals("wildfly"), "WildFly's default provider is the one in question");
        server.awaitReady();
        String log = Files.readString(server.log());
        assertThat(log)
                .contains("Starting Persistence Unit Service 'portcullis.ear/portcullis-core.jar#portcullis'")
                .contains("EclipseLink, version: Eclipse Persistence Services - 4.0.9")
                .doesNotContain("HHH000412"); // Hibernate ORM's "Hibernate ORM core version" line
    }
}
