package dev.portcullis.oauth.console;

import static dev.portcullis.oauth.pages.Html.escape;

import dev.portcullis.persistence.AuditRecordEntity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tool calls over time: the activity window cut into equal buckets, and per bucket the calls of each tool, the
 * errors and the latency percentiles of all calls. Read from the same {@code mcp.tools.call} audit records as the
 * per-tool totals, so the two tables always agree; Prometheus has the finer series (src/docs/observability.md).
 */
final class ToolActivitySeries {

    static final int BUCKETS = 12;

    private static final DateTimeFormatter LABEL =
            DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** One bucket's figures. */
    record Bucket(Instant start, Map<String, Integer> callsByTool, int errors, long[] sortedMicros) {
        int calls() {
            return callsByTool.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private ToolActivitySeries() {}

    /** {@code calls} (any order) in {@value #BUCKETS} buckets from {@code since} to {@code now}, oldest first. */
    static List<Bucket> buckets(List<AuditRecordEntity> calls, Instant since, Instant now) {
        Duration width = Duration.between(since, now).dividedBy(BUCKETS);
        if (width.isZero() || width.isNegative()) {
            width = Duration.ofSeconds(1);
        }
        List<Map<String, Integer>> counts = new ArrayList<>();
        List<List<Long>> micros = new ArrayList<>();
        int[] errors = new int[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            counts.add(new TreeMap<>());
            micros.add(new ArrayList<>());
        }
        for (AuditRecordEntity call : calls) {
            if (call.getOccurredAt().isBefore(since)) {
                continue;
            }
            long index = Duration.between(since, call.getOccurredAt()).toNanos() / width.toNanos();
            int bucket = (int) Math.min(BUCKETS - 1, index); // a call at "now" joins the last bucket
            counts.get(bucket).merge(call.getTarget() == null ? "(unknown)" : call.getTarget(), 1, Integer::sum);
            if (!"ok".equals(call.getOutcome())) {
                errors[bucket]++;
            }
            if (call.getDurationMicros() != null) {
                micros.get(bucket).add(call.getDurationMicros());
            }
        }
        List<Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < BUCKETS; i++) {
            long[] sorted =
                    micros.get(i).stream().mapToLong(Long::longValue).sorted().toArray();
            buckets.add(new Bucket(since.plus(width.multipliedBy(i)), counts.get(i), errors[i], sorted));
        }
        return buckets;
    }

    /** The series as a table: one row per bucket, the tools as columns, then errors, p50 and p95. */
    static String table(List<Bucket> buckets) {
        List<String> tools = buckets.stream()
                .flatMap(b -> b.callsByTool().keySet().stream())
                .distinct()
                .sorted()
                .toList();
        StringBuilder table = new StringBuilder(
                        "<table class=\"consents\" id=\"tool-series\">\n<caption>Tool calls over")
                .append(" time (UTC, ")
                .append(BUCKETS)
                .append(" equal intervals)</caption>\n<tr><th scope=\"col\">From</th>");
        tools.forEach(tool ->
                table.append("<th scope=\"col\"><code>").append(escape(tool)).append("</code></th>"));
        table.append("<th scope=\"col\">Errors</th><th scope=\"col\">p50</th><th scope=\"col\">p95</th></tr>\n");
        for (Bucket bucket : buckets) {
            table.append("<tr><th scope=\"row\">")
                    .append(LABEL.format(bucket.start()))
                    .append("</th>");
            tools.forEach(tool -> table.append("<td data-tool=\"")
                    .append(escape(tool))
                    .append("\">")
                    .append(bucket.callsByTool().getOrDefault(tool, 0))
                    .append("</td>"));
            table.append("<td class=\"errors\">")
                    .append(bucket.errors())
                    .append("</td><td>")
                    .append(millis(bucket.sortedMicros(), 0.50))
                    .append("</td><td>")
                    .append(millis(bucket.sortedMicros(), 0.95))
                    .append("</td></tr>\n");
        }
        return table.append("</table>\n").toString();
    }

    /** A percentile in milliseconds, nearest rank; "-" without calls. */
    static String millis(long[] sortedMicros, double percentile) {
        if (sortedMicros.length == 0) {
            return "-";
        }
        int rank = (int) Math.ceil(percentile * sortedMicros.length) - 1;
        return String.format(Locale.ROOT, "%.1f ms", sortedMicros[Math.max(0, rank)] / 1000.0);
    }
}
