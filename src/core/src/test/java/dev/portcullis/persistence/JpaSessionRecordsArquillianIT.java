package dev.portcullis.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.mcp.session.McpSession;
import dev.portcullis.mcp.session.SessionKeys;
import dev.portcullis.mcp.session.SessionRecord;
import dev.portcullis.mcp.session.SessionRecords;
import dev.portcullis.mcp.session.SessionStore;
import dev.portcullis.testing.ProductWar;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The legacy MCP session records in-container, on the real Derby datasource: every field survives the round trip,
 * the last use only moves forward, of servers racing to end one session exactly one removes it, and two session
 * stores sharing the records (two servers) serve and end each other's sessions.
 */
@ExtendWith(ArquillianExtension.class)
class JpaSessionRecordsArquillianIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Deployment
    static WebArchive deployment() {
        return ProductWar.named("portcullis-sessions-it.war").addClass(JpaSessionRecordsArquillianIT.class);
    }

    @EJB
    private SessionRecords records;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService executor;

    @Test
    void findWhenInsertedThenEveryFieldIsBackAndChangesAreStored() {
        String owner = owner();
        JsonObject capabilities = Json.createObjectBuilder()
                .add("elicitation", Json.createObjectBuilder())
                .add("sampling", Json.createObjectBuilder().add("note", "x".repeat(40_000)))
                .build();
        SessionRecord session = new SessionRecord(
                key(), "2025-06-18", owner, capabilities, null, Set.of(), NOW.minusSeconds(5), NOW.minusSeconds(5));

        records.insert(session);
        assertEquals(session, records.find(session.key()).orElseThrow());

        records.update(session.key(), "warning", Set.of("pets://rex", "pets://fido"));
        SessionRecord changed = records.find(session.key()).orElseThrow();
        assertEquals("warning", changed.logLevel());
        assertEquals(Set.of("pets://rex", "pets://fido"), changed.subscriptions());
        assertEquals(capabilities, changed.clientCapabilities());

        records.touch(session.key(), NOW);
        records.touch(session.key(), NOW.minusSeconds(60)); // a late write of an older use
        assertEquals(NOW, records.find(session.key()).orElseThrow().lastUsedAt());

        assertTrue(records.find("no-such-session").isEmpty());
        assertTrue(records.find("y".repeat(500)).isEmpty());
        assertTrue(records.find(null).isEmpty());
        assertFalse(records.delete("y".repeat(500)));
        assertTrue(records.delete(session.key()));
        assertTrue(records.find(session.key()).isEmpty());
    }

    @Test
    void openEndpointSessionWhenNoOwnerThenStoredWithoutOne() {
        SessionRecord session = new SessionRecord(key(), "2025-11-25", null, null, null, null, NOW, NOW);
        records.insert(session);

        SessionRecord found = records.find(session.key()).orElseThrow();
        assertNull(found.owner());
        assertEquals(Set.of(), found.subscriptions());
        assertTrue(records.delete(session.key()));
    }

    @Test
    void capsWhenCountedThenPerOwnerAndInTotalAndTheLeastRecentlyUsedAndIdleAreFound() {
        String owner = owner();
        long before = records.count();
        SessionRecord old = record(owner, NOW.minus(2, ChronoUnit.HOURS));
        SessionRecord recent = record(owner, NOW);
        records.insert(recent);
        records.insert(old);
        records.insert(record(owner(), NOW));

        assertEquals(2, records.countOwnedBy(owner));
        assertTrue(records.count() >= before + 3);
        assertEquals(old.key(), records.leastRecentlyUsed(owner).orElseThrow().key());
        assertTrue(records.leastRecentlyUsed(owner()).isEmpty());
        List<SessionRecord> idle = records.idleSince(NOW.minus(1, ChronoUnit.HOURS), 10_000);
        assertTrue(idle.stream().anyMatch(s -> s.key().equals(old.key())));
        assertTrue(idle.stream().noneMatch(s -> s.key().equals(recent.key())));
        assertEquals(1, records.idleSince(NOW.plusSeconds(1), 1).size());
    }

    @Test
    void deleteWhenServersRaceThenExactlyOneRemovesIt() throws Exception {
        for (int round = 0; round < 5; round++) {
            SessionRecord session = record(owner(), NOW);
            records.insert(session);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> racers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                racers.add(executor.submit(() -> {
                    start.await();
                    return records.delete(session.key());
                }));
            }
            start.countDown();
            int removed = 0;
            for (Future<Boolean> racer : racers) {
                removed += racer.get() ? 1 : 0;
            }
            assertEquals(1, removed, "servers that report the end");
        }
    }

    @Test
    void storesWhenSharingTheDatabaseThenEachServesAndEndsTheOthersSessions() {
        List<String> ended = new CopyOnWriteArrayList<>();
        SessionStore a =
                new SessionStore(records, Duration.ofMinutes(10), 10_000, 2, Clock.systemUTC(), (s, r) -> ended.add(r));
        SessionStore b =
                new SessionStore(records, Duration.ofMinutes(10), 10_000, 2, Clock.systemUTC(), (s, r) -> ended.add(r));
        String owner = owner();
        McpSession onA = a.create(
                "2025-11-25",
                owner,
                Json.createObjectBuilder()
                        .add("elicitation", Json.createObjectBuilder())
                        .build());
        onA.subscribe("pets://rex");
        onA.logLevel("error");

        McpSession onB = b.find(onA.id()).orElseThrow();
        assertTrue(onB.belongsTo(owner));
        assertFalse(onB.belongsTo("someone-else"));
        assertTrue(onB.subscribed("pets://rex"));
        assertEquals("error", onB.logLevel());
        assertTrue(onB.clientCapabilities().containsKey("elicitation"));
        assertSame(onA, a.find(onA.id()).orElseThrow());

        b.create("2025-11-25", owner);
        b.create("2025-11-25", owner); // the owner's third: the first (A's) is evicted
        assertEquals(List.of(SessionStore.EVICTED), ended);
        assertTrue(a.find(onA.id()).isEmpty());

        McpSession other = a.create("2025-11-25", owner);
        assertTrue(b.find(other.id()).isPresent());
        assertTrue(b.end(other.id()));
        assertTrue(a.find(other.id()).isEmpty());
        assertFalse(a.end(other.id()));
        assertTrue(records.find(SessionKeys.of(other.id())).isEmpty());
    }

    private static SessionRecord record(String owner, Instant lastUsed) {
        return new SessionRecord(key(), "2025-11-25", owner, null, null, null, lastUsed, lastUsed);
    }

    private static String key() {
        return SessionKeys.of(UUID.randomUUID().toString());
    }

    private static String owner() {
        return "sessions-it-" + UUID.randomUUID();
    }
}
