package it.dev.portcullis.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.mcp.testing.McpSchemas;
import it.dev.portcullis.support.AppServer;
import it.dev.portcullis.support.Https;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rule ITs' raw Streamable HTTP client for the conformance server's {@code /mcp}: it sends exactly the headers a
 * test sets, reads JSON and SSE answers (also streams that stay open), and validates every JSON-RPC message it
 * receives against the official schema of the era in use ({@code JSONRPCMessage}, plus {@code ServerNotification}
 * for notifications); tests validate results against their specific definitions with {@link Reply#result(String)}.
 */
final class RuleHttp {

    static final String LEGACY = "2025-11-25";
    static final String MODERN = "2026-07-28";
    static final URI ENDPOINT = AppServer.current().url("/mcp");
    private static final AtomicInteger IDS = new AtomicInteger(100);

    private final String revision;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final String sessionId;
    private boolean raw;

    private RuleHttp(String revision, String sessionId, Map<String, String> headers) {
        this.revision = revision;
        this.sessionId = sessionId;
        this.headers.putAll(headers);
    }

    /** No session, no version headers: Accept and Content-Type only. */
    static RuleHttp bare(String revision) {
        return new RuleHttp(
                revision,
                null,
                Map.of("Accept", "application/json, text/event-stream", "Content-Type", "application/json"));
    }

    /** A legacy session of 2025-11-25 opened with {@code initialize} and {@code notifications/initialized}. */
    static RuleHttp legacy() throws Exception {
        return legacy(LEGACY, "{\"sampling\":{},\"elicitation\":{}}");
    }

    static RuleHttp legacy(String version, String capabilities) throws Exception {
        RuleHttp bare = bare(LEGACY);
        Reply init = bare.post(request(
                "initialize",
                "{\"protocolVersion\":\"" + version + "\",\"capabilities\":" + capabilities
                        + ",\"clientInfo\":{\"name\":\"rules-it\",\"version\":\"1\"}}"));
        assertThat(init.status()).isEqualTo(200);
        init.result("InitializeResult");
        String id = init.http().headers().firstValue("Mcp-Session-Id").orElseThrow();
        RuleHttp session = new RuleHttp(LEGACY, id, bare.headers)
                .with("Mcp-Session-Id", id)
                .with("MCP-Protocol-Version", version);
        assertThat(session.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
                        .status())
                .isEqualTo(202);
        return session;
    }

    /** A modern (2026-07-28) client: {@link #call} adds {@code _meta} and the MCP headers per request. */
    static RuleHttp modern() {
        return bare(MODERN);
    }

    String sessionId() {
        return sessionId;
    }

    /** A copy that sends only the headers set explicitly, even in the modern era. */
    RuleHttp raw() {
        RuleHttp copy = with("Accept", headers.get("Accept"));
        copy.raw = true;
        return copy;
    }

    /** A copy with a header set (null removes it). */
    RuleHttp with(String name, String value) {
        RuleHttp copy = new RuleHttp(revision, sessionId, headers);
        copy.raw = raw;
        if (value == null) {
            copy.headers.remove(name);
        } else {
            copy.headers.put(name, value);
        }
        return copy;
    }

    /** A JSON-RPC request with a fresh id. */
    static String request(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + IDS.incrementAndGet() + ",\"method\":\"" + method + "\",\"params\":"
                + params + "}";
    }

    /** Calls {@code method}: in the modern era with {@code _meta} (plus {@code extraMeta}) and the MCP headers. */
    Reply call(String method, String params) throws Exception {
        return call(method, params, "");
    }

    Reply call(String method, String params, String extraMeta) throws Exception {
        return post(prepare(method, params, extraMeta));
    }

    /** The body {@link #call} would send; modern requests get their headers from {@link #forBody}. */
    String prepare(String method, String params, String extraMeta) {
        if (!MODERN.equals(revision)) {
            String meta = extraMeta.isEmpty() ? "" : "\"_meta\":{" + extraMeta + "}";
            return request(
                    method,
                    meta.isEmpty()
                            ? params
                            : params.equals("{}") ? "{" + meta + "}" : params.replaceFirst("^\\{", "{" + meta + ","));
        }
        String capabilities = extraMeta.contains("io.modelcontextprotocol/clientCapabilities")
                ? ""
                : "\"io.modelcontextprotocol/clientCapabilities\":{},";
        String meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + capabilities
                + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"rules-it\",\"version\":\"1\"}"
                + (extraMeta.isEmpty() ? "" : "," + extraMeta) + "}";
        return request(method, params.equals("{}") ? "{" + meta + "}" : params.replaceFirst("^\\{", "{" + meta + ","));
    }

    /** For a modern body: this client with {@code MCP-Protocol-Version}, {@code Mcp-Method} and {@code Mcp-Name}. */
    RuleHttp forBody(String body) {
        if (!MODERN.equals(revision) || raw || headers.containsKey("Mcp-Method")) {
            return this;
        }
        JsonObject message = parse(body);
        JsonObject params = message.getJsonObject("params");
        String name = params == null
                ? null
                : params.getString("name", params.getString("uri", params.getString("taskId", null)));
        RuleHttp modern = with("MCP-Protocol-Version", MODERN).with("Mcp-Method", message.getString("method"));
        return name == null ? modern : modern.with("Mcp-Name", name);
    }

    Reply post(String body) throws Exception {
        RuleHttp client = body.contains("\"method\"") ? forBody(body) : this;
        HttpRequest.Builder request = HttpRequest.newBuilder(ENDPOINT)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        client.headers.forEach(request::header);
        return new Reply(Https.client().send(request.build(), HttpResponse.BodyHandlers.ofString()), revision);
    }

    /** A bodiless request ({@code GET}, {@code DELETE}) whose answer is complete (not an open stream). */
    HttpResponse<String> send(String method) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(ENDPOINT)
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach((k, v) -> {
            if (!"Content-Type".equals(k)) {
                request.header(k, v);
            }
        });
        return Https.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens {@code GET} as a stream that may stay open. */
    Stream openGet() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(ENDPOINT).GET();
        headers.forEach((k, v) -> {
            if (!"Content-Type".equals(k)) {
                request.header(k, v);
            }
        });
        return new Stream(Https.client().send(request.build(), HttpResponse.BodyHandlers.ofInputStream()), revision);
    }

    /** POSTs {@code body} and reads the answer as a stream that may stay open. */
    Stream openPost(String body) throws Exception {
        RuleHttp client = forBody(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(ENDPOINT).POST(HttpRequest.BodyPublishers.ofString(body));
        client.headers.forEach(request::header);
        return new Stream(Https.client().send(request.build(), HttpResponse.BodyHandlers.ofInputStream()), revision);
    }

    static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    /** Validates a received JSON-RPC message against the era's schema; returns it. */
    static JsonObject validated(String revision, JsonObject message) {
        assertThat(McpSchemas.errors(revision, "JSONRPCMessage", message))
                .as("JSONRPCMessage " + message)
                .isEmpty();
        if (message.containsKey("method") && !message.containsKey("id")) {
            assertThat(McpSchemas.errors(revision, "ServerNotification", message))
                    .as("ServerNotification " + message)
                    .isEmpty();
        }
        return message;
    }

    static void assertValid(String revision, String definition, JsonObject value) {
        assertThat(McpSchemas.errors(revision, definition, value))
                .as(definition + " " + value)
                .isEmpty();
    }

    /** One SSE event: id, event type, data, retry, or a comment line. */
    record Event(String id, String event, String data, Long retry, String comment) {

        boolean isMessage() {
            return data != null && !data.isBlank();
        }
    }

    /** A complete answer: status, headers, SSE events (if any) and the JSON-RPC messages, all validated. */
    record Reply(HttpResponse<String> http, String revision) {

        int status() {
            return http.statusCode();
        }

        String contentType() {
            return http.headers().firstValue("Content-Type").orElse("");
        }

        List<Event> events() {
            List<Event> events = new ArrayList<>();
            if (contentType().startsWith("text/event-stream")) {
                SseParser parser = new SseParser(events::add);
                http.body().lines().forEach(parser::line);
                parser.line("");
            }
            return events;
        }

        List<JsonObject> messages() {
            List<JsonObject> messages = new ArrayList<>();
            if (contentType().startsWith("text/event-stream")) {
                events().stream()
                        .filter(Event::isMessage)
                        .forEach(e -> messages.add(validated(revision, parse(e.data()))));
            } else if (!http.body().isEmpty()) {
                messages.add(validated(revision, parse(http.body())));
            }
            return messages;
        }

        JsonObject body() {
            List<JsonObject> messages = messages();
            assertThat(messages).as("JSON-RPC messages in " + http.body()).isNotEmpty();
            return messages.get(messages.size() - 1);
        }

        /** The result, validated against {@code definition}. */
        JsonObject result(String definition) {
            JsonObject result = body().getJsonObject("result");
            assertThat(result).as("result in " + http.body()).isNotNull();
            assertValid(revision, definition, result);
            return result;
        }

        JsonObject error() {
            JsonObject error = body().getJsonObject("error");
            assertThat(error).as("error in " + http.body()).isNotNull();
            return error;
        }

        int errorCode() {
            return error().getInt("code");
        }

        JsonValue id() {
            return body().get("id");
        }
    }

    /** An SSE answer read as it arrives; close it to hang up. */
    static final class Stream implements AutoCloseable {

        private final HttpResponse<InputStream> http;
        private final String revision;
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final Thread reader;

        Stream(HttpResponse<InputStream> http, String revision) {
            this.http = http;
            this.revision = revision;
            this.reader = new Thread(this::read, "sse-reader");
            reader.setDaemon(true);
            if (contentType().startsWith("text/event-stream")) {
                reader.start();
            }
        }

        int status() {
            return http.statusCode();
        }

        String contentType() {
            return http.headers().firstValue("Content-Type").orElse("");
        }

        HttpResponse<InputStream> http() {
            return http;
        }

        /** The next event within {@code timeout}, or null. */
        Event nextEvent(Duration timeout) throws InterruptedException {
            return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** The next JSON-RPC message (validated) within {@code timeout}, or null; comments and primers are skipped. */
        JsonObject next(Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (true) {
                Event event = events.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (event == null) {
                    return null;
                }
                if (event.isMessage()) {
                    return validated(revision, parse(event.data()));
                }
            }
        }

        /** Whether the server ended the stream within {@code timeout}. */
        boolean awaitEnd(Duration timeout) throws InterruptedException {
            reader.join(timeout.toMillis());
            return !reader.isAlive();
        }

        /** Every JSON-RPC message that arrives within {@code window}. */
        List<JsonObject> drain(Duration window) throws InterruptedException {
            List<JsonObject> messages = new ArrayList<>();
            long end = System.nanoTime() + window.toNanos();
            JsonObject message;
            while ((message = next(Duration.ofNanos(Math.max(1, end - System.nanoTime())))) != null) {
                messages.add(message);
            }
            return messages;
        }

        private void read() {
            SseParser parser = new SseParser(events::add);
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(http.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    parser.line(line);
                }
            } catch (java.io.IOException e) {
                // hung up
            }
        }

        @Override
        public void close() throws Exception {
            http.body().close();
            reader.interrupt();
        }
    }

    /** The SSE line protocol (WHATWG HTML "server-sent events"), enough for MCP's use. */
    private static final class SseParser {

        private final java.util.function.Consumer<Event> sink;
        private String id;
        private String event;
        private StringBuilder data;
        private Long retry;

        SseParser(java.util.function.Consumer<Event> sink) {
            this.sink = sink;
        }

        void line(String line) {
            if (line.isEmpty()) {
                if (id != null || event != null || data != null || retry != null) {
                    sink.accept(new Event(id, event, data == null ? null : data.toString(), retry, null));
                }
                id = null;
                event = null;
                data = null;
                retry = null;
            } else if (line.startsWith(":")) {
                sink.accept(new Event(null, null, null, null, line.substring(1).strip()));
            } else {
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> event = value;
                    case "data" ->
                        data = data == null
                                ? new StringBuilder(value)
                                : data.append('\n').append(value);
                    case "retry" -> retry = Long.parseLong(value);
                    default -> {}
                }
            }
        }
    }
}
