package dev.portcullis.inspector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.portcullis.json.JsonInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The live inspector's broadcaster, outside a container: its ring, replay, stream cap and never-blocking publish. */
class McpExchangesTest {

    private static final Predicate<String> EVERYONE = subject -> true;

    private final McpExchanges exchanges =
            new McpExchanges(Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC), Set.of("token"));

    /** Exchanges raw() made with a numbered target, so that exchange n of a test is call-n. */
    private int published;

    @Test
    void recentWhenMoreThanTheRingThenTheLast200OldestFirst() {
        publish(250, "alice");

        List<McpExchange> recent = exchanges.recent(EVERYONE, 0);

        assertThat(recent).extracting(McpExchange::id).containsExactlyElementsOf(ids(51, 250));
        assertThat(recent.get(0).target()).isEqualTo("call-51");
    }

    @Test
    void recentWhenLastEventIdThenOnlyLaterAndOnlyVisibleOnes() {
        publish(5, "alice");
        publish(5, "bob");

        assertThat(exchanges.recent(EVERYONE, 7)).extracting(McpExchange::id).containsExactly(8L, 9L, 10L);
        assertThat(exchanges.recent("bob"::equals, 0))
                .extracting(McpExchange::id)
                .containsExactlyElementsOf(ids(6, 10));
        assertThat(exchanges.recent("alice"::equals, 5)).isEmpty();
        assertThat(exchanges.recent(EVERYONE, 10)).isEmpty();
    }

    @Test
    void recentWhenReadThenRedactedWithASessionLabelNotTheSession() {
        exchanges.publish(
                raw("alice", "who_am_i", "session-secret-id", "{\"token\":\"t0ps3cret\",\"name\":\"who_am_i\"}"));

        McpExchange shown = exchanges.recent(EVERYONE, 0).get(0);

        assertThat(shown.request()).contains("who_am_i").doesNotContain("t0ps3cret");
        assertThat(shown.session()).hasSize(12).isNotEqualTo("session-secret-id");
        assertThat(shown.at()).isEqualTo(Instant.parse("2026-12-07T12:00:00Z"));
    }

    @Test
    void subscribeWhenEightOpenThenNinthRefusedUntilOneCloses() {
        List<McpExchanges.Subscription> open = new ArrayList<>();
        for (int i = 0; i < McpExchanges.MAX_STREAMS; i++) {
            open.add(exchanges.subscribe(EVERYONE).orElseThrow());
        }

        assertThat(exchanges.subscribe(EVERYONE)).isEmpty();
        open.get(3).close();
        assertThat(exchanges.subscribe(EVERYONE)).isPresent();
        assertThat(exchanges.subscribe(EVERYONE)).isEmpty();
    }

    @Test
    void nextWhenSubscribedThenOnlyVisibleExchangesInOrder() throws InterruptedException {
        McpExchanges.Subscription bob = exchanges.subscribe("bob"::equals).orElseThrow();
        publish(2, "alice");
        publish(2, "bob");

        assertThat(bob.next(Duration.ZERO)).map(McpExchange::id).contains(3L);
        assertThat(bob.next(Duration.ZERO)).map(McpExchange::id).contains(4L);
        assertThat(bob.next(Duration.ofMillis(50))).isEmpty();
        assertThat(bob.dropped()).isFalse();
    }

    @Test
    void publishWhenAReaderFallsBehindThenOnlyItIsDroppedAndItsSlotFreed() throws InterruptedException {
        McpExchanges.Subscription slow = exchanges.subscribe(EVERYONE).orElseThrow();
        McpExchanges.Subscription keepingUp = exchanges.subscribe(EVERYONE).orElseThrow();
        for (int i = 0; i < McpExchanges.QUEUE + 1; i++) {
            publish(1, "alice");
            assertThat(keepingUp.next(Duration.ZERO)).isPresent();
        }

        assertThat(slow.dropped()).isTrue();
        assertThat(slow.next(Duration.ofSeconds(5)))
                .as("a dropped stream answers at once")
                .isEmpty();
        assertThat(keepingUp.dropped()).isFalse();
        for (int i = 0; i < McpExchanges.MAX_STREAMS - 1; i++) {
            assertThat(exchanges.subscribe(EVERYONE)).as("slot %d", i).isPresent();
        }
        assertThat(exchanges.subscribe(EVERYONE)).isEmpty();
    }

    @Test
    void publishWhenEveryStreamIsFullThenItNeverWaitsAndTheRingGoesOn() {
        List<McpExchanges.Subscription> stalled = new ArrayList<>();
        for (int i = 0; i < McpExchanges.MAX_STREAMS; i++) {
            stalled.add(exchanges.subscribe(EVERYONE).orElseThrow());
        }
        int count = McpExchanges.QUEUE * 20;

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> publish(count, "alice"));

        assertThat(stalled).allMatch(McpExchanges.Subscription::dropped);
        assertThat(exchanges.recent(EVERYONE, count - 1))
                .extracting(McpExchange::id)
                .containsExactly((long) count);
        Optional<McpExchanges.Subscription> reopened = exchanges.subscribe(EVERYONE);
        assertThat(reopened).isPresent();
    }

    private void publish(int count, String subject) {
        for (int i = 0; i < count; i++) {
            exchanges.publish(raw(subject, null, "session-" + subject, null));
        }
    }

    /** A tools/call answered 200; {@code target} defaults to call-<its number in the whole test>. */
    private McpExchanges.Raw raw(String subject, String target, String session, String arguments) {
        String name = target != null ? target : "call-" + (published++ + 1);
        return new McpExchanges.Raw(
                "tools/call",
                name,
                subject,
                "client-of-" + subject,
                session,
                200,
                1_000_000,
                JsonInput.read(arguments != null ? arguments : "{\"name\":\"" + name + "\"}"),
                JsonInput.read("{\"result\":{}}"),
                Set.of());
    }

    private static List<Long> ids(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }
}
