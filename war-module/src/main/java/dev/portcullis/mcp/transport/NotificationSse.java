package dev.portcullis.mcp.transport;

import dev.portcullis.json.Jsons;
import dev.portcullis.mcp.server.exchange.Outbound;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A long-lived notification stream (legacy standalone GET stream, modern {@code subscriptions/listen} stream):
 * the server offers messages from any thread into a bounded queue, and the request thread writes them as SSE
 * events, with a keep-alive comment whenever nothing was sent for the keep-alive interval (T26: keep-alive comment
 * lines on long streams). The stream ends when the server finishes it or the client goes away, which the next
 * write (at the latest the next keep-alive) detects. A client that falls {@value #CAPACITY} messages behind loses
 * the stream.
 */
final class NotificationSse implements Outbound {

    static final int CAPACITY = 256;
    private static final JsonObject END =
            Jsons.PROVIDER.createObjectBuilder().add("end", true).build();

    private final BlockingQueue<JsonObject> queue = new LinkedBlockingQueue<>(CAPACITY);
    private volatile boolean closed;

    @Override
    public boolean send(JsonObject message) {
        return !closed && queue.offer(message);
    }

    @Override
    public boolean sendNow(JsonObject message) {
        if (closed) {
            return false;
        }
        queue.clear();
        return queue.offer(message);
    }

    @Override
    public void finish() {
        if (!queue.offer(END)) {
            queue.clear();
            queue.offer(END);
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** Writes queued messages to {@code sse} until the stream ends; returns when it has. */
    void pump(SseStream sse, Duration keepAlive) {
        try {
            if (!sse.open()) {
                return;
            }
            while (true) {
                JsonObject message = queue.poll(keepAlive.toMillis(), TimeUnit.MILLISECONDS);
                if (message == END) {
                    return;
                }
                if (!(message == null ? sse.comment("keep-alive") : sse.send(message))) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closed = true;
        }
    }
}
