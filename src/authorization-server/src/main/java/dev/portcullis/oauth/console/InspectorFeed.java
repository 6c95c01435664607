package dev.portcullis.oauth.console;

import dev.portcullis.inspector.McpExchange;
import dev.portcullis.inspector.McpExchanges;
import dev.portcullis.json.Jsons;
import dev.portcullis.platform.web.NoStore;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The inspector's Server-Sent Events stream: first the ring's exchanges after {@code Last-Event-ID}, then each new
 * one as an {@code exchange} event whose id is the exchange's, a comment every {@link #KEEP_ALIVE} so proxies keep
 * it open, and the end after {@link #LIFETIME} (the page's EventSource reconnects, and its sign-in is checked again).
 * A stream that fell behind gets a {@code dropped} event and ends; when all streams are taken the answer is 503.
 *
 * @see <a href="https://html.spec.whatwg.org/multipage/server-sent-events.html">HTML: server-sent events</a>
 */
final class InspectorFeed {

    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    static final Duration LIFETIME = Duration.ofMinutes(5);

    private InspectorFeed() {}

    static Response stream(McpExchanges exchanges, Predicate<String> visible, String lastEventId) {
        Optional<McpExchanges.Subscription> opened = exchanges.subscribe(visible);
        if (opened.isEmpty()) {
            return Response.status(503)
                    .header("Retry-After", "30")
                    .type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("Too many inspector streams are open on this node.")
                    .build();
        }
        McpExchanges.Subscription subscription = opened.get();
        long after = lastId(lastEventId);
        StreamingOutput output = out -> {
            try (subscription) {
                out.write(": inspector\nretry: 2000\n\n".getBytes(StandardCharsets.US_ASCII));
                for (McpExchange exchange : exchanges.recent(visible, after)) {
                    send(out, exchange);
                }
                out.flush();
                Instant end = Instant.now().plus(LIFETIME);
                while (Instant.now().isBefore(end)) {
                    Optional<McpExchange> next = subscription.next(KEEP_ALIVE);
                    if (subscription.dropped()) {
                        out.write("event: dropped\ndata: {}\n\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        return;
                    }
                    if (next.isPresent()) {
                        send(out, next.get());
                    } else {
                        out.write(": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        return NoStore.set(Response.ok(output, "text/event-stream"))
                .header("X-Accel-Buffering", "no")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static long lastId(String header) {
        try {
            return header == null ? 0 : Math.max(0, Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void send(OutputStream out, McpExchange exchange) throws IOException {
        String event = "id: " + exchange.id() + "\nevent: exchange\ndata: " + json(exchange) + "\n\n";
        out.write(event.getBytes(StandardCharsets.UTF_8));
    }

    /** One line of JSON (the JSON writer escapes line breaks inside strings, so a data line never splits). */
    static String json(McpExchange exchange) {
        JsonObjectBuilder json = Jsons.PROVIDER
                .createObjectBuilder()
                .add("id", exchange.id())
                .add("at", exchange.at().toString())
                .add("status", exchange.status())
                .add("durationMicros", exchange.durationMicros());
        put(json, "method", exchange.method());
        put(json, "target", exchange.target());
        put(json, "subject", exchange.subject());
        put(json, "client", exchange.clientId());
        put(json, "session", exchange.session());
        put(json, "request", exchange.request());
        put(json, "response", exchange.response());
        return json.build().toString();
    }

    private static void put(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }
}
