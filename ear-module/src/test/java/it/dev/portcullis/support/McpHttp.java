package it.dev.portcullis.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A raw Streamable HTTP client for {@code /mcp}: it sends exactly the headers a test sets, so tests can break
 * every rule on purpose. Answers are parsed whether they come as JSON or as an SSE stream.
 */
public final class McpHttp {

    public static final String MODERN = "2026-07-28";
    public static final String LEGACY = "2025-11-25";
    public static final String MODERN_META = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{},"
            + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}";

    private final URI endpoint;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private McpHttp(URI endpoint) {
        this.endpoint = endpoint;
        headers.put("Accept", "application/json, text/event-stream");
        headers.put("Content-Type", "application/json");
    }

    public static McpHttp to(URI endpoint) {
        return new McpHttp(endpoint);
    }

    /** Sets a header; a null value removes it. */
    public McpHttp header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    /** A modern-era client: version and method headers are set per request by {@link #modern}. */
    public Answer modern(String method, String name, String params) throws Exception {
        McpHttp request = copy().header("MCP-Protocol-Version", MODERN)
                .header("Mcp-Method", method)
                .header("Mcp-Name", name);
        String withMeta =
                params.equals("{}") ? "{" + MODERN_META + "}" : params.replaceFirst("^\\{", "{" + MODERN_META + ",");
        return request.post(request(method, withMeta));
    }

    public Answer post(String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return new Answer(Https.client().send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A GET whose answer is returned as soon as its headers arrive, its body left to read (an SSE stream). */
    public HttpResponse<java.io.InputStream> openStream() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).GET();
        headers.forEach((k, v) -> {
            if (!"Content-Type".equals(k)) {
                request.header(k, v);
            }
        });
        return Https.client().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    public HttpResponse<String> send(String method) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(endpoint).method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach((k, v) -> {
            if (!"Content-Type".equals(k)) {
                request.header(k, v);
            }
        });
        return Https.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static String request(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    private McpHttp copy() {
        McpHttp copy = new McpHttp(endpoint);
        copy.headers.putAll(headers);
        return copy;
    }

    /** An HTTP answer; {@link #messages()} are the JSON-RPC messages it carried, in order. */
    public record Answer(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }

        public List<JsonObject> messages() {
            List<JsonObject> messages = new ArrayList<>();
            if (contentType().startsWith("text/event-stream")) {
                for (String line : response.body().split("\n")) {
                    if (line.startsWith("data:")
                            && line.length() > 5
                            && !line.substring(5).isBlank()) {
                        messages.add(parse(line.substring(5).strip()));
                    }
                }
            } else if (!response.body().isEmpty()) {
                messages.add(parse(response.body()));
            }
            return messages;
        }

        /** The JSON-RPC response: the last message. */
        public JsonObject body() {
            List<JsonObject> messages = messages();
            return messages.get(messages.size() - 1);
        }

        public JsonObject result() {
            return body().getJsonObject("result");
        }

        public int errorCode() {
            return body().getJsonObject("error").getInt("code");
        }

        private static JsonObject parse(String json) {
            return Json.createReader(new StringReader(json)).readObject();
        }
    }
}
