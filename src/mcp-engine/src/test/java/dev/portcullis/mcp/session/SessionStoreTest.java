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
