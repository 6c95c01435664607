package it.dev.portcullis.telemetry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver on loopback (OTLP specification, "OTLP/HTTP": {@code POST /v1/traces} with a binary
 * protobuf {@code ExportTraceServiceRequest}, answered by an {@code ExportTraceServiceResponse}). The messages are the
 * OpenTelemetry protocol's own generated classes ({@code io.opentelemetry.proto:opentelemetry-proto}).
 *
 * @see <a href="https://opentelemetry.io/docs/specs/otlp/#otlphttp">OTLP/HTTP</a>
 */
final class OtlpReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<Span> spans = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private int requests;

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/traces", this::traces);
        server.start();
    }

    /** The endpoint for {@code otel.exporter.otlp.traces.endpoint}. */
    String tracesEndpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    private void traces(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            ExportTraceServiceRequest request;
            try {
                request = ExportTraceServiceRequest.parseFrom(body);
            } catch (IOException | RuntimeException | LinkageError e) {
                synchronized (this) {
                    failures.add(e.toString());
                }
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            synchronized (this) {
                requests++;
                for (ResourceSpans resource : request.getResourceSpansList()) {
                    for (ScopeSpans scope : resource.getScopeSpansList()) {
                        spans.addAll(scope.getSpansList());
                    }
                }
                notifyAll();
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    /** Requests that could not be read, for failure messages. */
    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    synchronized List<Span> spans() {
        return List.copyOf(spans);
    }

    /** Waits until a span matching {@code wanted} arrived, or {@code timeout} passed; returns it or null. */
    synchronized Span await(Predicate<Span> wanted, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            for (Span span : spans) {
                if (wanted.test(span)) {
                    return span;
                }
            }
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
    }

    /** Every span of one trace. */
    synchronized List<Span> trace(com.google.protobuf.ByteString traceId) {
        return spans.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    static String attribute(Span span, String key) {
        return span.getAttributesList().stream()
                .filter(a -> a.getKey().equals(key))
                .map(a -> a.getValue().getStringValue())
                .findFirst()
                .orElse(null);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
