package dev.portcullis.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The one JSON reader: depth and size limits, every failure a JsonException, trees equal to JsonReader's. */
class JsonInputTest {

    @Test
    void readWhenDeeplyNestedThenJsonExceptionNotRuntimeException() {
        Throwable thrown = catchThrowableOfType(Throwable.class, () -> JsonInput.read("[".repeat(200_000)));

        assertThat(thrown).isInstanceOf(JsonException.class).hasMessageContaining("nested deeper than 64");
    }

    @Test
    void readWhenNestedAtTheLimitThenParsed() {
        int depth = JsonInput.maxDepth();
        JsonValue value = JsonInput.read("[".repeat(depth) + "]".repeat(depth));

        assertThat(value.getValueType()).isEqualTo(JsonValue.ValueType.ARRAY);
        assertThat(catchThrowableOfType(
                        JsonException.class,
                        () -> JsonInput.read("{\"a\":".repeat(depth + 1) + "1" + "}".repeat(depth + 1))))
                .isNotNull();
    }

    @Test
    void readWhenLargerThanTheSizeLimitThenJsonException() {
        String big = "\"" + "a".repeat(JsonInput.maxSize()) + "\"";

        assertThat(catchThrowableOfType(JsonException.class, () -> JsonInput.read(big)))
                .hasMessageContaining("larger than");
        assertThat(catchThrowableOfType(
                        JsonException.class, () -> JsonInput.read(big.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("larger than");
    }

    @Test
    void readWhenBadUtf8OrTrailingContentOrEmptyThenJsonException() {
        assertThat(catchThrowableOfType(
                        JsonException.class, () -> JsonInput.read(new byte[] {'"', (byte) 0xC3, (byte) 0x28, '"'})))
                .isNotNull();
        assertThat(catchThrowableOfType(JsonException.class, () -> JsonInput.read("{} {}")))
                .isNotNull();
        assertThat(catchThrowableOfType(JsonException.class, () -> JsonInput.read("{}]")))
                .isNotNull();
        assertThat(catchThrowableOfType(JsonException.class, () -> JsonInput.read("")))
                .isNotNull();
        assertThat(catchThrowableOfType(JsonException.class, () -> JsonInput.read("[1,")))
                .isNotNull();
    }

    @Test
    void readThenSameTreeAsTheProvidersReader() {
        String text =
                "{\"a\":[1,2.5,{\"b\":null,\"\":[true,false,\"x\"]}],\"c\":{},\"d\":[],\"e\":{\"f\":{\"g\":\"h\"}},\"i\":-1e3}";

        try (var reader = Jsons.PROVIDER.createReader(new java.io.StringReader(text))) {
            assertThat(JsonInput.read(text)).isEqualTo(reader.readValue());
        }
        assertThat(JsonInput.read(" 42 ")).isEqualTo(Jsons.PROVIDER.createValue(42));
    }
}
