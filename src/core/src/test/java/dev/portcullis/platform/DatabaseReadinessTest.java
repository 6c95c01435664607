package dev.portcullis.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseReadinessTest {

    @TempDir
    Path dir;

    @Test
    void callWhenDatabaseAnswersThenUp() {
        HealthCheckResponse response = new DatabaseReadiness(DerbyFixture.newDatabase(dir)).call();

        assertThat(response.getName()).isEqualTo("database");
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void callWhenDatabaseUnreachableThenDownWithoutDetails() {
        HealthCheckResponse response =
                new DatabaseReadiness(DerbyFixture.existingDatabase(dir.resolve("missing"))).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData())
                .hasValueSatisfying(data -> assertThat(data)
                        .containsEntry("error", "the database did not answer")
                        .doesNotContainKey("installation"));
    }
}
