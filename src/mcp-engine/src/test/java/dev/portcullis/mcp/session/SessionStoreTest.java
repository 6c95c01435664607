package dev.portcullis.mcp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.mcp.protocol.McpError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionStoreTest {

    private final MovableClock clock = new MovableClock();

    @Test
    void endsWhenIdleOrEvictedThenTheListenerHearsEachOnceWithItsReasonAndNotAClientsOwnEnd() {
        java.util.List<String> ended = new java.util.concurrent.CopyOnWriteArrayList<>();
        SessionStore store = new SessionStore(
                Duration.ofMinutes(10), 100, 2, clock, (session, reason) -> ended.add(session.owner() + ":" + reason));
        McpSession lookedUp = store.create("2025-06-18", "carol");
        store.create("2025-06-18", "dave");
        McpSession deleted = store.create("2025-06-18", "erin");
        clock.advance(Duration.ofSeconds(1));
        store.create("2025-06-18", "alice");
        clock.advance(Duration.ofSeconds(1));
        store.create("2025-06-18", "alice");
        clock.advance(Duration.ofSeconds(1));
        store.create("2025-06-18", "alice"); // alice's third: her first is evicted
        assertThat(ended).containsExactly("alice:evicted");

        assertThat(store.end(deleted.id())).isTrue();
        clock.advance(Duration.ofMinutes(11));
        assertThat(store.find(lookedUp.id())).isEmpty(); // a lookup finds it idle
        assertThat(store.find(lookedUp.id())).isEmpty();
        assertThat(store.expireIdle()).as("the sweep ends the rest").isEqualTo(3);
        assertThat(store.expireIdle()).isZero();

        assertThat(ended)
                .containsExactlyInAnyOrder(
                        "alice:evicted", "carol:expired", "dave:expired", "alice:expired", "alice:expired");
        assertThat(store.size()).isZero();
    }

    @Test
    void createWhenSubjectAtItsCapThenItsLeastRecentlyUsedSessionEndsAndOthersAreUntouched() {
        SessionStore store = new SessionStore(Duration.ofHours(1), 100, 2, clock);
        McpSession bob = store.create("2025-06-18", "bob");
        McpSession first = store.create("2025-06-18", "alice");
        clock.advance(Duration.ofSeconds(1));
        McpSession second = store.create("2025-06-18", "alice");
        clock.advance(Duration.ofSeconds(1));
        store.find(first.id()); // first is now the more recently used one
        clock.advance(Duration.ofSeconds(1));

        McpSession third = store.create("2025-06-18", "alice");

        assertThat(store.find(second.id()))
                .as("alice's least recently used session")
                .isEmpty();
        assertThat(store.find(first.id())).isPresent();
        assertThat(store.find(third.id())).isPresent();
        assertThat(store.find(bob.id())).as("another subject's session").isPresent();
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void createWhenTotalCapReachedAndNothingIdleThenRefusedWith503UntilSessionsExpire() {
        SessionStore store = new SessionStore(Duration.ofMinutes(10), 3, clock);
        for (int i = 0; i < 3; i++) {
            store.create("2025-06-18", "user" + i);
        }

        assertThatThrownBy(() -> store.create("2025-06-18", "user9"))
                .isInstanceOfSatisfying(
                        McpError.class, e -> assertThat(e.httpStatus()).isEqualTo(503));
        assertThat(store.size()).isEqualTo(3);

        clock.advance(Duration.ofMinutes(11));
        assertThat(store.create("2025-06-18", "user9").id()).isNotEmpty();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void createWhenOpenEndpointThenOnlyTheTotalCapApplies() {
        SessionStore store = new SessionStore(Duration.ofHours(1), 10, 2, clock);
        McpSession a = store.create("2025-06-18");
        store.create("2025-06-18");
        store.create("2025-06-18");

        assertThat(store.find(a.id())).isPresent();
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void findWhenCreatedOnAnotherServerThenRehydratedWithItsStateAndOwnerStillChecked() {
        SessionRecords shared = new InMemorySessionRecords();
        SessionStore a = twoServers(shared, Duration.ofMinutes(10), 100, 2);
        SessionStore b = twoServers(shared, Duration.ofMinutes(10), 100, 2);
        McpSession onA = a.create(
                "2025-06-18",
                "alice",
                jakarta.json.Json.createObjectBuilder()
                        .add("elicitation", jakarta.json.JsonValue.EMPTY_JSON_OBJECT)
                        .build());
        onA.logLevel("warning");
        onA.subscribe("pets://rex");

        McpSession onB = b.find(onA.id()).orElseThrow();

        assertThat(onB).isNotSameAs(onA);
        assertThat(onB.id()).isEqualTo(onA.id());
        assertThat(onB.protocolVersion()).isEqualTo("2025-06-18");
        assertThat(onB.belongsTo("alice")).isTrue();
        assertThat(onB.belongsTo("mallory"))
                .as("another subject presenting the id")
                .isFalse();
        assertThat(onB.clientCapabilities()).containsKey("elicitation");
        assertThat(onB.logLevel()).isEqualTo("warning");
        assertThat(onB.subscribed("pets://rex")).isTrue();
        assertThat(onB.nextRequestId())
                .as("server-to-client request ids differ per server")
                .isNotEqualTo(onA.nextRequestId());

        onB.unsubscribe("pets://rex");
        onB.subscribe("pets://fido");
        onB.logLevel("debug");
        McpSession again = a.find(onA.id()).orElseThrow();
        assertThat(again)
                .as("A keeps its own copy (its streams and in-flight requests)")
                .isSameAs(onA);
        assertThat(again.subscriptions()).containsExactly("pets://fido");
        assertThat(again.logLevel()).isEqualTo("debug");
    }

    @Test
    void findWhenIdUnknownMalformedOrOnlyItsKeyThenEmpty() {
        SessionRecords shared = new InMemorySessionRecords();
        SessionStore store = twoServers(shared, Duration.ofMinutes(10), 100, 2);
        McpSession session = store.create("2025-11-25", "alice");

        assertThat(store.find(null)).isEmpty();
        assertThat(store.find("")).isEmpty();
        assertThat(store.find("not a session id \u0000")).isEmpty();
        assertThat(store.find(session.id() + "x")).isEmpty();
        assertThat(store.find(session.key()))
                .as("the recorded key is not an id")
                .isEmpty();
        assertThat(shared.find(session.key())).isPresent();
        assertThat(shared.find(SessionKeys.of(session.id()))).isPresent();
        assertThat(session.key()).hasSize(64).doesNotContain(session.id());
    }

    @Test
    void endWhenDeletedOnOneServerThenGoneOnTheOtherAndItsStreamEnds() {
        SessionRecords shared = new InMemorySessionRecords();
        SessionStore a = twoServers(shared, Duration.ofMinutes(10), 100, 2);
        SessionStore b = twoServers(shared, Duration.ofMinutes(10), 100, 2);
        McpSession session = a.create("2025-11-25", "alice");
        McpSession onB = b.find(session.id()).orElseThrow();
        java.util.concurrent.atomic.AtomicBoolean streamEnded = new java.util.concurrent.atomic.AtomicBoolean();
        onB.standaloneStream(() -> streamEnded.set(true));

        assertThat(a.end(session.id())).isTrue();

        assertThat(b.find(session.id())).isEmpty();
        assertThat(streamEnded).as("B's GET stream of the ended session").isTrue();
        assertThat(a.find(session.id())).isEmpty();
        assertThat(b.end(session.id())).as("a second DELETE").isFalse();
    }

    @Test
    void capsWhenSessionsOnSeveralServersThenCountedTogetherAndTheEvictionReportedOnce() {
        SessionRecords shared = new InMemorySessionRecords();
        java.util.List<String> ended = new java.util.concurrent.CopyOnWriteArrayList<>();
        SessionStore a = new SessionStore(
                shared, Duration.ofMinutes(10), 3, 2, clock, (s, reason) -> ended.add("a:" + s.owner() + ":" + reason));
        SessionStore b = new SessionStore(
                shared, Duration.ofMinutes(10), 3, 2, clock, (s, reason) -> ended.add("b:" + s.owner() + ":" + reason));
        McpSession first = a.create("2025-11-25", "alice");
        clock.advance(Duration.ofSeconds(1));
        McpSession second = b.create("2025-11-25", "alice");
        clock.advance(Duration.ofSeconds(1));

        McpSession third = b.create("2025-11-25", "alice"); // alice's third, on B: her first (on A) is evicted

        assertThat(ended).containsExactly("b:alice:evicted");
        assertThat(a.find(first.id())).isEmpty();
        assertThat(a.find(second.id())).isPresent();
        assertThat(a.find(third.id())).isPresent();

        a.create("2025-11-25", "bob");
        assertThatThrownBy(() -> b.create("2025-11-25", "carol"))
                .as("the total cap counts both servers' sessions")
                .isInstanceOfSatisfying(
                        McpError.class, e -> assertThat(e.httpStatus()).isEqualTo(503));
        assertThat(a.size()).isEqualTo(3).isEqualTo(b.size());
    }

    @Test
    void touchWhenBusyThenWrittenAtMostOncePerIntervalAndIdleExpiryHonoursTheLatestUse() {
        CountingRecords counted = new CountingRecords();
        java.util.List<String> ended = new java.util.concurrent.CopyOnWriteArrayList<>();
        SessionStore a = new SessionStore(
                counted, Duration.ofMinutes(10), 100, 10, clock, (s, reason) -> ended.add("a:" + reason));
        SessionStore b = new SessionStore(
                counted, Duration.ofMinutes(10), 100, 10, clock, (s, reason) -> ended.add("b:" + reason));
        assertThat(a.touchInterval()).isEqualTo(Duration.ofSeconds(30));
        McpSession session = a.create("2025-11-25", "alice");
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofMillis(100));
            assertThat(a.find(session.id())).isPresent();
        }
        assertThat(counted.touches).as("100 requests in 10 s").isZero();
        clock.advance(Duration.ofSeconds(21));
        a.find(session.id());
        assertThat(counted.touches).isEqualTo(1);

        clock.advance(Duration.ofSeconds(20)); // A used it 20 s ago, unwritten; the record says 20 s too
        a.find(session.id()); // used now on A, within the interval: not written
        clock.advance(Duration.ofMinutes(9).plusSeconds(50)); // 10 s short of the timeout since that use
        assertThat(a.expireIdle()).as("A writes its latest use before judging").isZero();
        assertThat(b.expireIdle()).isZero();
        assertThat(b.find(session.id())).isPresent();

        clock.advance(Duration.ofMinutes(11));
        assertThat(b.expireIdle() + a.expireIdle()).isEqualTo(1);
        assertThat(ended).hasSize(1).allMatch(reason -> reason.endsWith(":expired"));
        assertThat(a.find(session.id())).isEmpty();
    }

    private SessionStore twoServers(SessionRecords shared, Duration idle, int max, int perSubject) {
        return new SessionStore(shared, idle, max, perSubject, clock, (s, reason) -> {});
    }

    /** Shared records that count the writes of a last use. */
    private static final class CountingRecords implements SessionRecords {
        private final InMemorySessionRecords records = new InMemorySessionRecords();
        private int touches;

        @Override
        public void insert(SessionRecord session) {
            records.insert(session);
        }

        @Override
        public java.util.Optional<SessionRecord> find(String key) {
            return records.find(key);
        }

        @Override
        public void update(String key, String logLevel, java.util.Set<String> subscriptions) {
            records.update(key, logLevel, subscriptions);
        }

        @Override
        public void touch(String key, Instant lastUsedAt) {
            touches++;
            records.touch(key, lastUsedAt);
        }

        @Override
        public boolean delete(String key) {
            return records.delete(key);
        }

        @Override
        public long count() {
            return records.count();
        }

        @Override
        public long countOwnedBy(String owner) {
            return records.countOwnedBy(owner);
        }

        @Override
        public java.util.Optional<SessionRecord> leastRecentlyUsed(String owner) {
            return records.leastRecentlyUsed(owner);
        }

        @Override
        public java.util.List<SessionRecord> idleSince(Instant cutoff, int max) {
            return records.idleSince(cutoff, max);
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
