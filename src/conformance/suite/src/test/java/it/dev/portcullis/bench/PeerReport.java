package it.dev.portcullis.bench;

import static it.dev.portcullis.bench.PeerBenchmarkIT.fmt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The side-by-side benchmark's results: {@code peers.tsv} (one row per target and client count), {@code peers.md}
 * (the table for src/docs/benchmarks.md, the ratios against issue 22's goals, the machine), and {@code peers.png},
 * a bar chart drawn by gnuplot from {@code peers-chart.tsv} with {@code peers.gp} (skipped, with a note, when
 * gnuplot is not installed).
 */
final class PeerReport {

    /** Indexes into the benchmark's target list (PeerBenchmarkIT#targets). */
    private static final int ECHO = 0;

    private static final int LEGACY = 1;
    private static final int MODERN = 2;
    private static final int JAVA = 3;
    private static final int TS = 4;
    private static final int JWT_ECHO = 5;
    private static final int LEGACY_TOKEN = 6;
    private static final int MODERN_TOKEN = 7;
    private static final int JAVA_TOKEN = 8;
    private static final int TS_TOKEN = 9;

    private record Row(double rps, double p50, double p99, long requests, long errors, String protocol, String error) {}

    private final List<PeerBenchmarkIT.Target> targets;
    private final Map<Integer, List<Row>> rows = new java.util.LinkedHashMap<>();
    private final Map<String, Long> peakRss;
    private final String loadBefore;
    private final String loadAfter;
    private final boolean audit;

    PeerReport(
            List<PeerBenchmarkIT.Target> targets,
            Map<Integer, List<PeerBenchmarkIT.Samples>> results,
            Map<String, Long> peakRss,
            String loadBefore,
            String loadAfter,
            boolean audit) {
        this.audit = audit;
        this.targets = targets;
        this.peakRss = peakRss;
        this.loadBefore = loadBefore;
        this.loadAfter = loadAfter;
        results.forEach((clients, samples) -> {
            List<Row> list = new ArrayList<>();
            for (PeerBenchmarkIT.Samples s : samples) {
                long[] all = s.latencies.stream()
                        .flatMapToLong(Arrays::stream)
                        .sorted()
                        .toArray();
                long ok = all.length - s.errors;
                list.add(new Row(
                        ok / s.seconds,
                        percentile(all, 0.50),
                        percentile(all, 0.99),
                        all.length,
                        s.errors,
                        s.protocol,
                        s.firstError));
            }
            rows.put(clients, list);
        });
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    void write(Path out) throws IOException, InterruptedException {
        StringBuilder tsv = new StringBuilder(
                "clients\ttarget\tper_request\trequests_per_s\tp50_ms\tp99_ms\trequests" + "\terrors\ttls\n");
        StringBuilder md = new StringBuilder();
        String when = Instant.now().truncatedTo(ChronoUnit.MINUTES).toString();
        md.append(fmt(
                "Run of %s: %d cores, load average (`/proc/loadavg`) before `%s`, after `%s`; Portcullis's "
                        + "audit trail %s.%n%n",
                when,
                Runtime.getRuntime().availableProcessors(),
                loadBefore,
                loadAfter,
                audit ? "on (the default: every tools/call recorded)" : "off (`-Dportcullis.benchmark.audit=false`)"));
        md.append("| clients | target | what it does per request | requests/s | p50 ms | p99 ms | errors |\n");
        md.append("|---:|---|---|---:|---:|---:|---:|\n");
        rows.forEach((clients, list) -> {
            for (int t = 0; t < list.size(); t++) {
                Row row = list.get(t);
                PeerBenchmarkIT.Target target = targets.get(t);
                tsv.append(fmt(
                        "%d\t%s\t%s\t%.0f\t%.2f\t%.2f\t%d\t%d\t%s%n",
                        clients,
                        target.name(),
                        target.perRequest(),
                        row.rps,
                        row.p50,
                        row.p99,
                        row.requests,
                        row.errors,
                        row.protocol));
                md.append(fmt(
                        "| %d | %s | %s | %.0f | %.2f | %.2f | %d |%n",
                        clients, target.name(), target.perRequest(), row.rps, row.p50, row.p99, row.errors));
            }
        });
        md.append("\nRatios against the goals of issue 22 (requests/s, same run):\n\n");
        md.append("| clients | ratio | goal | measured |\n|---:|---|---:|---:|\n");
        rows.forEach((clients, list) -> {
            ratio(md, clients, "Portcullis legacy / bare echo (open)", "≥ 1.0", list, LEGACY, ECHO);
            ratio(md, clients, "Portcullis modern / bare echo (open)", "≥ 1.0", list, MODERN, ECHO);
            ratio(md, clients, "Portcullis legacy, token / MP-JWT echo", "≥ 0.95", list, LEGACY_TOKEN, JWT_ECHO);
            ratio(md, clients, "Portcullis modern, token / MP-JWT echo", "≥ 0.95", list, MODERN_TOKEN, JWT_ECHO);
            ratio(md, clients, "Portcullis modern / Java SDK (open)", "≥ 1.5", list, MODERN, JAVA);
            ratio(md, clients, "Portcullis modern, token / Java SDK + Nimbus", "≥ 1.5", list, MODERN_TOKEN, JAVA_TOKEN);
            ratio(md, clients, "Portcullis modern / TypeScript SDK (open)", "≥ 20", list, MODERN, TS);
            ratio(
                    md,
                    clients,
                    "Portcullis modern, token / TypeScript SDK + jose",
                    "≥ 20",
                    list,
                    MODERN_TOKEN,
                    TS_TOKEN);
            md.append(fmt(
                    "| %d | p99: Portcullis modern / bare echo | ≤ 1.5 | %.2f |%n",
                    clients, list.get(MODERN).p99 / list.get(ECHO).p99));
            md.append(fmt(
                    "| %d | p99: Portcullis modern, token / bare echo | ≤ 1.5 | %.2f |%n",
                    clients, list.get(MODERN_TOKEN).p99 / list.get(ECHO).p99));
        });
        md.append("\nPeak resident memory (VmHWM) of each server process over the run: ");
        List<String> rss = new ArrayList<>();
        peakRss.forEach((name, mb) -> rss.add(name + " " + mb + " MB"));
        md.append(String.join(", ", rss)).append(".\n");
        List<String> errors = new ArrayList<>();
        rows.forEach((clients, list) -> {
            for (int t = 0; t < list.size(); t++) {
                if (list.get(t).errors > 0) {
                    errors.add(clients + " clients, " + targets.get(t).name() + ": " + list.get(t).error);
                }
            }
        });
        if (!errors.isEmpty()) {
            md.append("\nErrors (first of each target):\n\n");
            errors.forEach(e -> md.append("- ").append(e).append('\n'));
        }
        String suffix = audit ? "" : "-audit-off";
        Files.writeString(out.resolve("peers" + suffix + ".tsv"), tsv);
        Files.writeString(out.resolve("peers" + suffix + ".md"), md);
        System.out.println(md);
        chart(out, when, suffix);
        if (!errors.isEmpty()) {
            throw new AssertionError("errors in the run: " + errors);
        }
    }

    private static void ratio(StringBuilder md, int clients, String what, String goal, List<Row> list, int a, int b) {
        md.append(fmt("| %d | %s | %s | %.2f |%n", clients, what, goal, list.get(a).rps / list.get(b).rps));
    }

    /** A clustered bar chart of requests/s, one cluster per target, one bar per client count. */
    private void chart(Path out, String when, String suffix) throws IOException, InterruptedException {
        StringBuilder data = new StringBuilder("target");
        rows.keySet().forEach(c -> data.append("\tc=").append(c));
        data.append('\n');
        for (int t = 0; t < targets.size(); t++) {
            data.append('"').append(targets.get(t).name().replace("\"", "'")).append('"');
            for (List<Row> list : rows.values()) {
                data.append(fmt("\t%.0f", list.get(t).rps));
            }
            data.append('\n');
        }
        Files.writeString(out.resolve("peers" + suffix + "-chart.tsv"), data);
        StringBuilder plot = new StringBuilder();
        plot.append("set terminal pngcairo size 1400,800 font 'sans,10'\n");
        plot.append("set output '")
                .append(out.resolve("peers" + suffix + ".png").toAbsolutePath())
                .append("'\n");
        plot.append(fmt(
                "set title 'MCP tools/call of echo over HTTPS, side by side (%s, %d cores%s)'%n",
                when, Runtime.getRuntime().availableProcessors(), audit ? "" : ", Portcullis audit trail off"));
        plot.append("set datafile separator '\\t'\nset style data histogram\nset style histogram clustered gap 1\n");
        plot.append(
                "set style fill solid 0.8 border -1\nset boxwidth 0.9\nset ylabel 'requests/s'\nset yrange [0:*]\n");
        plot.append(
                "set xtics rotate by -30 scale 0 font 'sans,9'\nset bmargin 13\nset rmargin 22\nset key top right\n");
        plot.append("set grid ytics\n");
        plot.append("plot '")
                .append(out.resolve("peers" + suffix + "-chart.tsv").toAbsolutePath())
                .append("' using 2:xtic(1) title columnheader(2)");
        for (int column = 3; column <= rows.size() + 1; column++) {
            plot.append(", '' using ")
                    .append(column)
                    .append(" title columnheader(")
                    .append(column)
                    .append(')');
        }
        plot.append('\n');
        Path script = out.resolve("peers" + suffix + ".gp");
        Files.writeString(script, plot);
        Process gnuplot;
        try {
            gnuplot = new ProcessBuilder("gnuplot", script.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(out.resolve("gnuplot.log").toFile())
                    .start();
        } catch (IOException e) {
            System.out.println("gnuplot is not installed (Debian: apt-get install gnuplot-nox): no peers.png; "
                    + "the script is " + script);
            return;
        }
        if (!gnuplot.waitFor(60, TimeUnit.SECONDS) || gnuplot.exitValue() != 0) {
            System.out.println("gnuplot failed; see " + out.resolve("gnuplot.log"));
        }
    }
}
