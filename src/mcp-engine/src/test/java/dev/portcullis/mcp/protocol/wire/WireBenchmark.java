package dev.portcullis.mcp.protocol.wire;

import dev.portcullis.mcp.protocol.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * Interleaved microbenchmark (not a test, run by hand; command and results in src/docs/benchmarks.md): a
 * {@code tools/call} result with one text block, built with JSON-P builders as the engine does and mapped from a
 * record with {@link Wire}, in alternating rounds so that both see the same JIT and GC state.
 */
public final class WireBenchmark {

    /** The shape of a {@code CallToolResult} with text content, for the comparison only. */
    @JsonbPropertyOrder({"content", "isError"})
    public record CallToolResult(List<TextContent> content, Boolean isError) {}

    /** A text content block. */
    @JsonbPropertyOrder({"type", "text"})
    public record TextContent(String type, String text) {}

    private WireBenchmark() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        String text = "{\"id\":42,\"name\":\"Rex\",\"species\":\"dog\",\"status\":\"AVAILABLE\"}";
        long sink = 0;
        double[] built = new double[rounds];
        double[] typed = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                sink += builders(text).size();
            }
            built[round] = (System.nanoTime() - start) / (double) calls;
            start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                sink += Wire.toJson(new CallToolResult(List.of(new TextContent("text", text)), false))
                        .size();
            }
            typed[round] = (System.nanoTime() - start) / (double) calls;
            System.out.printf("round %d: builders %.0f ns, records %.0f ns%n", round, built[round], typed[round]);
        }
        // the first half is warm-up
        System.out.printf(
                "median of the last %d rounds: builders %.0f ns/result, records %.0f ns/result (%d)%n",
                rounds / 2, median(built, rounds / 2), median(typed, rounds / 2), sink);
    }

    private static JsonObject builders(String text) {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add(
                        "content",
                        Jsons.PROVIDER
                                .createArrayBuilder()
                                .add(Jsons.PROVIDER
                                        .createObjectBuilder()
                                        .add("type", "text")
                                        .add("text", text)))
                .add("isError", false)
                .build();
    }

    private static double median(double[] values, int from) {
        double[] tail = java.util.Arrays.copyOfRange(values, from, values.length);
        java.util.Arrays.sort(tail);
        return tail[tail.length / 2];
    }
}
