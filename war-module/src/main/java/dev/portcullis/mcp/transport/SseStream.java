package dev.portcullis.mcp.transport;

import dev.portcullis.mcp.server.exchange.Outbound;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes JSON-RPC messages as SSE {@code message} events on a POST's response stream. A write failure means the
 * client closed the stream, which the modern era treats as cancellation (T26); nothing more is written.
 *
 * <p>Event ids are {@code <stream>-<n>}: the stream number is unique in this server, so ids are unique across every
 * stream of a session and encode the stream they belong to (T25 2.11).
 *
 * @see <a href="https://html.spec.whatwg.org/multipage/server-sent-events.html">Server-sent events</a>
 */
class SseStream implements Outbound {

    private static final AtomicLong STREAMS = new AtomicLong();

    private final OutputStream out;
    private final Flusher flusher;
    private final String streamId = Long.toString(STREAMS.incrementAndGet(), 36);
    private long events;
    private volatile boolean closed;

    /** Pushes written bytes to the network; JAX-RS output streams alone may hold them back. */
    interface Flusher {
        void flush() throws IOException;
    }

    SseStream(OutputStream out, Flusher flusher) {
        this.out = out;
        this.flusher = flusher;
    }

    /**
     * The priming event of SEP-1699 (2025-11-25): an event id with empty data, so that the client has an id to
     * resume from, and {@code retry} to pace its reconnection.
     */
    synchronized boolean prime(long retryMillis) {
        return write("id: " + nextId() + "\nretry: " + retryMillis + "\ndata: \n\n");
    }

    @Override
    public synchronized boolean send(JsonObject message) {
        return write("id: " + nextId() + "\nevent: message\ndata: " + message + "\n\n");
    }

    /** An SSE comment line: keeps proxies from timing the stream out and detects a departed client. */
    synchronized boolean comment(String text) {
        return write(": " + text + "\n\n");
    }

    /**
     * Commits the response (status and headers) with a first comment, so the client sees the stream open before the
     * first event. It must go through the JAX-RS stream: flushing the servlet response first would commit it before
     * JAX-RS has set the Content-Type.
     */
    boolean open() {
        return comment("stream open");
    }

    private String nextId() {
        return streamId + "-" + (++events);
    }

    private boolean write(String event) {
        if (closed) {
            return false;
        }
        try {
            out.write(event.getBytes(StandardCharsets.UTF_8));
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
