package dev.portcullis.mcp.transport;

import dev.portcullis.mcp.server.exchange.Outbound;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A legacy session's standalone GET stream on the JAX-RS SSE API: the request thread is released as soon as the
 * stream is open (the container keeps the connection asynchronously), so open streams cost no server threads. The
 * server's notifications are written from the thread that raises them; a scheduled keep-alive comment (T26 keep-alive
 * lines) also detects a departed client, after which the stream is closed and forgotten.
 *
 * @see <a href="https://jakarta.ee/specifications/restful-ws/3.1/jakarta-restful-ws-spec-3.1#sse">Jakarta REST SSE</a>
 */
final class SinkStream implements Outbound {

    private static final AtomicLong STREAMS = new AtomicLong();

    private final SseEventSink sink;
    private final Sse sse;
    private final String streamId = "g" + Long.toString(STREAMS.incrementAndGet(), 36);
    private final AtomicLong events = new AtomicLong();
    private volatile boolean closed;
    private volatile ScheduledFuture<?> keepAlive;
    private volatile Runnable onClose = () -> {};

    SinkStream(SseEventSink sink, Sse sse) {
        this.sink = sink;
        this.sse = sse;
    }

    /** Commits the stream with a first comment and sends a keep-alive comment every {@code interval}. */
    void start(ScheduledExecutorService scheduler, Duration interval, Runnable whenClosed) {
        this.onClose = whenClosed;
        write(sse.newEventBuilder().comment("stream open").build());
        keepAlive = scheduler.scheduleWithFixedDelay(
                () -> write(sse.newEventBuilder().comment("keep-alive").build()),
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean send(JsonObject message) {
        return write(sse.newEventBuilder()
                .id(streamId + "-" + events.incrementAndGet())
                .name("message")
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, message.toString())
                .build());
    }

    @Override
    public boolean isClosed() {
        return closed || sink.isClosed();
    }

    @Override
    public void finish() {
        close();
    }

    private synchronized boolean write(OutboundSseEvent event) {
        if (isClosed()) {
            close();
            return false;
        }
        try {
            sink.send(event).whenComplete((done, failure) -> {
                if (failure != null) {
                    close();
                }
            });
            return true;
        } catch (RuntimeException gone) {
            close();
            return false;
        }
    }

    private void close() {
        if (closed) {
            return;
        }
        closed = true;
        ScheduledFuture<?> timer = keepAlive;
        if (timer != null) {
            timer.cancel(false);
        }
        try {
            sink.close();
        } catch (RuntimeException alreadyGone) {
            // the client went away first
        }
        onClose.run();
    }
}
