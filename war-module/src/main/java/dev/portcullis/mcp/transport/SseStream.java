package dev.portcullis.mcp.transport;

import dev.portcullis.mcp.server.Outbound;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes JSON-RPC messages as SSE {@code message} events on a POST's response stream. A write failure means the
 * client closed the stream, which the modern era treats as cancellation (T26); nothing more is written.
 *
 * @see <a href="https://html.spec.whatwg.org/multipage/server-sent-events.html">Server-sent events</a>
 */
final class SseStream implements Outbound {

    private final OutputStream out;
    private final Flusher flusher;
    private volatile boolean closed;
    /** Event ids are unique across every stream of this server (T25 2.11), not just within one stream. */
    private static final java.util.concurrent.atomic.AtomicLong EVENT_IDS = new java.util.concurrent.atomic.AtomicLong();

    /** Pushes written bytes to the network; JAX-RS output streams alone may hold them back. */
    interface Flusher {
        void flush() throws IOException;
    }

    SseStream(OutputStream out, Flusher flusher) {
        this.out = out;
        this.flusher = flusher;
    }

    @Override
    public synchronized boolean send(JsonObject message) {
        if (closed) {
            return false;
        }
        try {
            out.write(("id: " + EVENT_IDS.incrementAndGet() + "\nevent: message\ndata: " + message + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            flusher.flush();
            return true;
        } catch (IOException e) {
            closed = true;
            return false;
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }
}
