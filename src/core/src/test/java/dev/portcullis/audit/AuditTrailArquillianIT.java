package dev.portcullis.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.persistence.AuditRecordEntity;
import dev.portcullis.testing.ProductWar;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit trail on Liberty and Derby: a recorded event reaches the table asynchronously with its correlation ids,
 * the keyset query pages it, and the retention purge removes what is older than P90D (run "in the future" by being
 * given a later instant) and keeps the rest.
 */
@ExtendWith(ArquillianExtension.class)
class AuditTrailArquillianIT {

    @Deployment
    static WebArchive deployment() {
        return ProductWar.named("portcullis-audit-it.war").addClass(AuditTrailArquillianIT.class);
    }

    @Inject
    private AuditTrail audit;

    @Inject
    private AuditQueueStats stats;

    @EJB
    private AuditRecords records;

    @EJB
    private AuditRetentionPurge purge;

    @Test
    void recordWhenWrittenThenQueryableAndPurgedAfterRetention() throws Exception {
        String client = "audit-it-" + UUID.randomUUID();
        long writtenBefore = stats.written();
        for (int i = 0; i < 3; i++) {
            audit.record(AuditEvent.of(AuditEventType.CLIENT_REGISTERED).client(client).flow("flow-" + client.substring(9, 20))
                    .detail("n", i));
        }
        AuditFilter byClient = new AuditFilter(null, null, null, client, null, null, null, null, null);
        List<AuditRecordEntity> found = List.of();
        for (int attempt = 0; attempt < 50 && found.size() < 3; attempt++) {
            Thread.sleep(100);
            found = records.page(byClient, 0, 10);
        }
        assertThat(found).hasSize(3);
        assertThat(found).extracting(AuditRecordEntity::getDetails).containsExactly("{\"n\":\"0\"}", "{\"n\":\"1\"}", "{\"n\":\"2\"}");
        assertThat(found).allSatisfy(r -> assertThat(r.getFlowId()).startsWith("flow-"));
        assertThat(stats.written()).isGreaterThanOrEqualTo(writtenBefore + 3);
        assertThat(records.page(byClient, found.get(0).getRecordId(), 10)).hasSize(2);

        assertThat(purge.purge(Instant.now().plus(Duration.ofDays(89)))).as("within retention").isZero();
        assertThat(records.page(byClient, 0, 10)).hasSize(3);
        assertThat(purge.purge(Instant.now().plus(Duration.ofDays(91)))).isGreaterThanOrEqualTo(3);
        assertThat(records.page(byClient, 0, 10)).isEmpty();
    }
}
