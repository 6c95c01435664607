package dev.portcullis.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The audit trail on Liberty and Derby: recorded events reach the table asynchronously, in the order recorded, with
 * their flow id; the keyset query pages them; and the retention purge removes what is older than P90D (run "in the
 * future" by being given a later instant) and keeps the rest. (JUnit assertions: the deployment has no AssertJ.)
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
    void recordWhenWrittenThenQueryableInOrderAndPurgedAfterRetention() throws Exception {
        String client = "audit-it-" + UUID.randomUUID();
        long writtenBefore = stats.written();
        for (int i = 0; i < 3; i++) {
            audit.record(AuditEvent.of(AuditEventType.CLIENT_REGISTERED)
                    .client(client)
                    .flow("flow-of-" + client.substring(9, 20))
                    .detail("n", i));
        }
        AuditFilter byClient = new AuditFilter(null, null, null, client, null, null, null, null, null);
        List<AuditRecordEntity> found = List.of();
        for (int attempt = 0; attempt < 50 && found.size() < 3; attempt++) {
            Thread.sleep(100);
            found = records.page(byClient, 0, 10);
        }
        assertEquals(3, found.size(), "records written asynchronously");
        assertEquals(
                List.of("{\"n\":\"0\"}", "{\"n\":\"1\"}", "{\"n\":\"2\"}"),
                found.stream().map(AuditRecordEntity::getDetails).toList());
        assertTrue(found.stream().allMatch(r -> r.getFlowId().startsWith("flow-of-")), "flow id");
        assertTrue(stats.written() >= writtenBefore + 3, "written counter");
        assertEquals(2, records.page(byClient, found.get(0).getRecordId(), 10).size(), "keyset page after the first");

        assertEquals(0, purge.purge(Instant.now().plus(Duration.ofDays(89))), "within retention");
        assertEquals(3, records.page(byClient, 0, 10).size());
        assertTrue(purge.purge(Instant.now().plus(Duration.ofDays(91))) >= 3, "past retention");
        assertEquals(0, records.page(byClient, 0, 10).size());
    }
}
