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
    private volatile boolean closed;
    private int nextId;

    SseStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public synchronized boolean send(JsonObject message) {
        if (closed) {
            return false;
        }
        try {
            out.write(("id: " + (nextId++) + "\nevent: message\ndata: " + message + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
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
