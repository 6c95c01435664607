package dev.portcullis.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one way the application reads JSON text into a tree. It streams with {@link JsonParser} events, counts the
 * nesting depth and the input size itself, and builds the tree without recursion, so the limits hold whatever
 * JSON-P implementation the server provides (Parsson's own {@code org.eclipse.parsson.maxDepth} throws a bare
 * {@code RuntimeException}, and other providers have no such limit). Every failure, malformed text, a limit, bad
 * encoding or an implementation's unchecked exception, is a {@link JsonException}, which callers turn into their
 * protocol's error (JSON-RPC -32700, {@code invalid_client_metadata}).
 *
 * <p>Limits ({@link #MAX_DEPTH_KEY}, {@link #MAX_SIZE_KEY}) are read once from MicroProfile Config of the first
 * caller; without a config implementation (unit tests) the defaults apply.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8259#section-9">RFC 8259 section 9: parsers may limit depth and size</a>
 */
public final class JsonInput {

    /** MP Config key: deepest nesting of arrays and objects accepted. */
    public static final String MAX_DEPTH_KEY = "portcullis.json.max-depth";
    /** MP Config key: largest input accepted, in bytes (byte input) or characters (text input). */
    public static final String MAX_SIZE_KEY = "portcullis.json.max-size";

    public static final int DEFAULT_MAX_DEPTH = 64;
    public static final int DEFAULT_MAX_SIZE = 4 * 1024 * 1024;

    private static volatile Limits limits;

    private JsonInput() {}

    /** Parses one JSON text of any type. */
    public static JsonValue read(String text) {
        return read(new StringReader(text == null ? "" : text));
    }

    /**
     * Parses UTF-8 bytes. RFC 8259 section 8.1 makes UTF-8 the only encoding between systems; malformed UTF-8 is
     * refused rather than replaced, so what is checked is what was sent.
     */
    public static JsonValue read(byte[] bytes) {
        return read(new ByteArrayInputStream(bytes == null ? new byte[0] : bytes));
    }

    public static JsonValue read(InputStream bytes) {
        Limits current = limits();
        return tree(
                () -> Jsons.PROVIDER.createParser(new InputStreamReader(
                        new CappedStream(bytes, current.maxSize),
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT))),
                current);
    }

    public static JsonValue read(Reader text) {
        Limits current = limits();
        return tree(() -> Jsons.PROVIDER.createParser(new CappedReader(text, current.maxSize)), current);
    }

    /** Parses a JSON object; any other type is a {@link JsonException}. */
    public static JsonObject readObject(String text) {
        JsonValue value = read(text);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new JsonException("the JSON text is not an object");
        }
        return value.asJsonObject();
    }

    /** The depth limit in force. */
    public static int maxDepth() {
        return limits().maxDepth;
    }

    /** The size limit in force. */
    public static int maxSize() {
        return limits().maxSize;
    }

    private interface ParserSource {
        JsonParser open();
    }

    private static JsonValue tree(ParserSource source, Limits current) {
        try (JsonParser parser = source.open()) {
            return build(parser, current.maxDepth);
        } catch (JsonException e) {
            throw e;
        } catch (RuntimeException e) {
            // Implementation-specific failures (Parsson's depth limit, decoder errors): the text is not acceptable
            // JSON.
            throw new JsonException(
                    "the JSON text is not acceptable: " + e.getClass().getSimpleName());
        }
    }

    /** Builds the tree from parser events with an explicit stack: no recursion, so no stack overflow. */
    private static JsonValue build(JsonParser parser, int maxDepth) {
        Deque<Object> open = new ArrayDeque<>(); // JsonObjectBuilder or JsonArrayBuilder
        Deque<String> keys = new ArrayDeque<>(); // the key each open object container awaits, per object level
        JsonValue root = null;
        String key = null;
        while (parser.hasNext()) {
            JsonParser.Event event = parser.next();
            if (root != null) {
                throw new JsonException("the JSON text has content after its value");
            }
            JsonValue done = null;
            switch (event) {
                case START_OBJECT, START_ARRAY -> {
                    if (open.size() >= maxDepth) {
                        throw new JsonException("the JSON text is nested deeper than " + maxDepth + " levels");
                    }
                    keys.push(key == null ? "" : key);
                    key = null;
                    open.push(
                            event == JsonParser.Event.START_OBJECT
                                    ? Jsons.PROVIDER.createObjectBuilder()
                                    : Jsons.PROVIDER.createArrayBuilder());
                }
                case KEY_NAME -> key = parser.getString();
                case END_OBJECT -> {
                    done = ((JsonObjectBuilder) open.pop()).build();
                    key = parentKey(keys.pop(), open);
                }
                case END_ARRAY -> {
                    done = ((JsonArrayBuilder) open.pop()).build();
                    key = parentKey(keys.pop(), open);
                }
                case VALUE_STRING -> done = Jsons.PROVIDER.createValue(parser.getString());
                case VALUE_NUMBER -> done = parser.getValue();
                case VALUE_TRUE -> done = JsonValue.TRUE;
                case VALUE_FALSE -> done = JsonValue.FALSE;
                case VALUE_NULL -> done = JsonValue.NULL;
                default -> throw new JsonException("unexpected JSON event " + event);
            }
            if (done != null) {
                if (open.isEmpty()) {
                    root = done;
                } else if (open.peek() instanceof JsonObjectBuilder object) {
                    object.add(key, done);
                    key = null;
                } else {
                    ((JsonArrayBuilder) open.peek()).add(done);
                }
            }
        }
        if (root == null) {
            throw new JsonException("the JSON text is empty or incomplete");
        }
        return root;
    }

    /** The saved key of the parent level: meaningful only when the parent is an object. */
    private static String parentKey(String saved, Deque<Object> open) {
        return !open.isEmpty() && open.peek() instanceof JsonObjectBuilder ? saved : null;
    }

    private static Limits limits() {
        Limits current = limits;
        if (current == null) {
            current = new Limits(setting(MAX_DEPTH_KEY, DEFAULT_MAX_DEPTH), setting(MAX_SIZE_KEY, DEFAULT_MAX_SIZE));
            limits = current;
        }
        return current;
    }

    private static int setting(String key, int defaultValue) {
        try {
            Optional<Integer> value = ConfigProvider.getConfig().getOptionalValue(key, Integer.class);
            return value.filter(v -> v > 0).orElse(defaultValue);
        } catch (RuntimeException | LinkageError e) {
            return defaultValue; // no MicroProfile Config implementation (unit tests): the defaults
        }
    }

    private record Limits(int maxDepth, int maxSize) {}

    private static JsonException tooLarge(int max) {
        return new JsonException("the JSON text is larger than " + max);
    }

    /** Counts bytes as the parser pulls them and stops at the limit, before more is buffered. */
    private static final class CappedStream extends FilterInputStream {
        private final int max;
        private long count;

        CappedStream(InputStream in, int max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > max) {
                throw tooLarge(max);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (count += n) > max) {
                throw tooLarge(max);
            }
            return n;
        }
    }

    /** Counts characters as the parser pulls them and stops at the limit. */
    private static final class CappedReader extends FilterReader {
        private final int max;
        private long count;

        CappedReader(Reader in, int max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0 && ++count > max) {
                throw tooLarge(max);
            }
            return c;
        }

        @Override
        public int read(char[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (count += n) > max) {
                throw tooLarge(max);
            }
            return n;
        }
    }
}
