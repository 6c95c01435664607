package dev.portcullis.oauth.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.oauth.console.ToolActivitySeries.Bucket;
import dev.portcullis.persistence.AuditRecordEntity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolActivitySeriesTest {

    private static final Instant SINCE = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant NOW = SINCE.plus(Duration.ofHours(12));

    @Test
    void bucketsWhenCallsSpreadThenEachCountedOnceInItsHourWithErrorsAndLatency() {
        List<AuditRecordEntity> calls = List.of(
                call("who_am_i", 0, "ok", 1_000),
                call("who_am_i", 30, "ok", 3_000),
                call("list_pets", 59, "error", 5_000),
                call("who_am_i", 5 * 60 + 1, "ok", 2_000),
                call("who_am_i", 12 * 60, "ok", 9_000), // at now: the last bucket
                call("who_am_i", -1, "ok", 1)); // before the window: left out

        List<Bucket> buckets = ToolActivitySeries.buckets(calls, SINCE, NOW);

        assertThat(buckets).hasSize(ToolActivitySeries.BUCKETS);
        assertThat(buckets.get(0).start()).isEqualTo(SINCE);
        assertThat(buckets.get(1).start()).isEqualTo(SINCE.plus(Duration.ofHours(1)));
        assertThat(buckets.get(0).callsByTool()).containsEntry("who_am_i", 2).containsEntry("list_pets", 1);
        assertThat(buckets.get(0).errors()).isEqualTo(1);
        assertThat(ToolActivitySeries.millis(buckets.get(0).sortedMicros(), 0.50))
                .isEqualTo("3.0 ms");
        assertThat(buckets.get(5).calls()).isEqualTo(1);
        assertThat(buckets.get(11).calls()).isEqualTo(1);
        assertThat(buckets.stream().mapToInt(Bucket::calls).sum()).isEqualTo(5);
        assertThat(ToolActivitySeries.millis(buckets.get(3).sortedMicros(), 0.95))
                .isEqualTo("-");
    }

    @Test
    void tableWhenToolNameIsMarkupThenEscapedAndOneColumnPerTool() {
        List<Bucket> buckets = ToolActivitySeries.buckets(
                List.of(call("<script>x</script>", 10, "ok", 1_000), call("who_am_i", 10, "ok", 1_000)), SINCE, NOW);

        String table = ToolActivitySeries.table(buckets);

        assertThat(table).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(table)
                .contains("<th scope=\"row\">12-01 00:00</th><td data-tool=\"&lt;script&gt;x&lt;/script&gt;\">1</td>"
                        + "<td data-tool=\"who_am_i\">1</td>");
    }

    @Test
    void bucketsWhenWindowEmptyOrReversedThenNoFailure() {
        assertThat(ToolActivitySeries.buckets(List.of(call("who_am_i", 0, "ok", 1)), NOW, SINCE))
                .hasSize(ToolActivitySeries.BUCKETS)
                .allSatisfy(b -> assertThat(b.calls()).isZero());
    }

    private static AuditRecordEntity call(String tool, int minutes, String outcome, long micros) {
        return new AuditRecordEntity(
                SINCE.plus(Duration.ofMinutes(minutes)),
                "mcp.tools.call",
                outcome,
                "alice",
                "client",
                tool,
                null,
                micros,
                "request",
                null,
                null);
    }
}
