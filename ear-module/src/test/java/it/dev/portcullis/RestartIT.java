package it.dev.portcullis;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.LibertyServer;
import it.dev.portcullis.support.Readiness;
import org.junit.jupiter.api.Test;

/**
 * What the application writes to Derby survives a graceful restart and a crash. The installation record is
 * written through the application (JPA in a start-up EJB) and read back through HTTPS after each start.
 */
class RestartIT {

    private final LibertyServer server = LibertyServer.current();

    @Test
    void restartWhenStoppedGracefullyThenSameInstallationAndOneMoreStart() throws Exception {
        Readiness before = Readiness.read(server);

        server.restart();

        Readiness after = Readiness.read(server);
        assertThat(after.installation()).isEqualTo(before.installation());
        assertThat(after.starts()).isEqualTo(before.starts() + 1);
        assertThat(after.schemaVersion()).isEqualTo(before.schemaVersion());
    }

    @Test
    void restartWhenKilledWithSigkillThenSameInstallationAndOneMoreStart() throws Exception {
        Readiness before = Readiness.read(server);

        server.crashAndStart();

        Readiness after = Readiness.read(server);
        assertThat(after.installation()).isEqualTo(before.installation());
        assertThat(after.starts()).isEqualTo(before.starts() + 1);
    }
}
