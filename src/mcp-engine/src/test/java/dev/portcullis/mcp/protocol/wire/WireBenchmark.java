package dev.portcullis.mcp.protocol.wire;

import dev.portcullis.json.JsonInput;
import dev.portcullis.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Interleaved microbenchmark (not a test, run by hand; command and results in src/docs/benchmarks.md): a
 * {@code tools/call} result with one text block, built with JSON-P builders as the engine does and mapped from a
 * record with {@link Wire}, in alternating rounds so that both see the same JIT and GC state; then the same for a
 * {@code tools/list} page of ten tools and for the params of a progress notification.
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
                "tools/call result, median of the last %d rounds: builders %.0f ns/result, records %.0f ns/result (%d)%n",
                rounds / 2, median(built, rounds / 2), median(typed, rounds / 2), sink);
        compare(
                "tools/list page of 10 tools",
                rounds,
                calls / 10,
                WireBenchmark::listBuilders,
                WireBenchmark::listRecord);
        compare(
                "notifications/progress params",
                rounds,
                calls,
                WireBenchmark::progressBuilders,
                WireBenchmark::progressRecord);
    }

    private static final List<JsonObject> TOOLS = IntStream.range(0, 10)
            .mapToObj(i -> Wire.toJson(new Tool(
                    "tool_" + i,
                    null,
                    "Does thing " + i,
                    JsonInput.read("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\","
                                    + "\"description\":\"The id\"}},\"required\":[\"id\"]}")
                            .asJsonObject(),
                    null,
                    new ToolAnnotations(null, true, false, true, false))))
            .toList();

    /** As the engine builds a page: the descriptors into an array under the key. */
    private static JsonObject listBuilders() {
        return ListToolsResult.json(TOOLS, null);
    }

    private static JsonObject listRecord() {
        return Wire.toJson(new ListToolsResult(TOOLS, null));
    }

    private static final JsonValue TOKEN = Jsons.PROVIDER.createValue("token-1");

    private static JsonObject progressBuilders() {
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("progressToken", TOKEN)
                .add("progress", 0.5)
                .add("total", 1.0)
                .add("message", "half way")
                .build();
    }

    private static JsonObject progressRecord() {
        return Wire.toJson(new ProgressNotificationParams(TOKEN, 0.5, 1.0, "half way"));
    }

    private static void compare(
            String what, int rounds, int calls, Supplier<JsonObject> built, Supplier<JsonObject> typed) {
        long sink = 0;
        double[] a = new double[rounds];
        double[] b = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                sink += built.get().size();
            }
            a[round] = (System.nanoTime() - start) / (double) calls;
            start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                sink += typed.get().size();
            }
            b[round] = (System.nanoTime() - start) / (double) calls;
        }
        if (!built.get().equals(typed.get())) {
            throw new IllegalStateException(what + ": the two ways differ");
        }
        System.out.printf(
                "%s, median of the last %d rounds: builders %.0f ns, records %.0f ns (%d)%n",
                what, rounds / 2, median(a, rounds / 2), median(b, rounds / 2), sink);
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
        double[] tail = Arrays.copyOfRange(values, from, values.length);
        Arrays.sort(tail);
        return tail[tail.length / 2];
    }
}
