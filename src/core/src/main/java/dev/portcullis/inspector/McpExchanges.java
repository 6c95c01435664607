package dev.portcullis.inspector;

import dev.portcullis.config.AuditConfig;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The live inspector's broadcaster: the last {@value #RING} exchanges of {@code /mcp} and at most
 * {@value #MAX_STREAMS} open inspector streams, each with its own queue of {@value #QUEUE} exchanges. A singleton
 * EJB so that the MCP web module that publishes and the console that subscribes share one instance (one per node:
 * the inspector shows the node it is served from). {@link #publish} costs a few offers and never waits: a stream
 * whose queue is full is dropped (its page reconnects and replays the ring); the redaction and the JSON text are
 * made once per exchange, on the first reader's thread, not on the request's.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class McpExchanges {

    static final int RING = 200;
    static final int MAX_STREAMS = 8;
    static final int QUEUE = 256;
    /** A body longer than this is cut: the inspector is for reading, not for bulk transfer. */
    public static final int MAX_BODY_CHARS = 16_000;

    @Inject
    private AuditConfig audit;

    @Inject
    private Clock clock;

    private ExchangeRedaction redaction;
    private final AtomicLong ids = new AtomicLong();
    private final Entry[] ring = new Entry[RING];
    private final List<Subscription> streams = new CopyOnWriteArrayList<>();

    /** For the container. */
    public McpExchanges() {}

    /** Outside a container (unit tests): the clock and the redacted field names it would inject. */
    McpExchanges(Clock clock, Set<String> redactFields) {
        this.clock = clock;
        this.redaction = new ExchangeRedaction(redactFields);
    }

    @PostConstruct
    void init() {
        redaction = new ExchangeRedaction(audit.redactFields());
    }

    /** What {@code /mcp} answered; {@code sensitive} are the argument names the tool marks so. Never throws. */
    public void publish(Raw raw) {
        Entry entry = new Entry(ids.incrementAndGet(), clock.instant(), raw);
        synchronized (ring) {
            ring[(int) (entry.id % RING)] = entry;
        }
        for (Subscription stream : streams) {
            if (stream.visible.test(raw.subject()) && !stream.queue.offer(entry)) {
                stream.dropped = true;
                streams.remove(stream);
            }
        }
    }

    /**
     * A new stream of the exchanges whose caller subject {@code visible} accepts, or empty when
     * {@value #MAX_STREAMS} streams are open.
     */
    public synchronized Optional<Subscription> subscribe(Predicate<String> visible) {
        if (streams.size() >= MAX_STREAMS) {
            return Optional.empty();
        }
        Subscription stream = new Subscription(visible);
        streams.add(stream);
        return Optional.of(stream);
    }

    /** The ring's exchanges after {@code afterId} that {@code visible} accepts, oldest first. */
    public List<McpExchange> recent(Predicate<String> visible, long afterId) {
        List<Entry> entries = new ArrayList<>();
        synchronized (ring) {
            for (Entry entry : ring) {
                if (entry != null && entry.id > afterId && visible.test(entry.raw.subject())) {
                    entries.add(entry);
                }
            }
        }
        entries.sort((a, b) -> Long.compare(a.id, b.id));
        return entries.stream().map(this::view).toList();
    }

    private McpExchange view(Entry entry) {
        return entry.view(redaction);
    }

    /** The exchange as the transport saw it, before redaction. */
    public record Raw(
            String method,
            String target,
            String subject,
            String clientId,
            String session,
            int status,
            long durationNanos,
            JsonValue request,
            JsonValue response,
            Set<String> sensitive) {}

    /** One stream's queue; {@link #close} it when the page goes. */
    public final class Subscription implements AutoCloseable {
        private final Predicate<String> visible;
        private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(QUEUE);
        private volatile boolean dropped;

        private Subscription(Predicate<String> visible) {
            this.visible = visible;
        }

        /** The next exchange, or empty after {@code wait}; empty at once when the stream was dropped. */
        public Optional<McpExchange> next(Duration wait) throws InterruptedException {
            if (dropped) {
                return Optional.empty();
            }
            Entry entry = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            return entry == null ? Optional.empty() : Optional.of(view(entry));
        }

        /** Whether it fell behind and was dropped. */
        public boolean dropped() {
            return dropped;
        }

        @Override
        public void close() {
            streams.remove(this);
        }
    }

    /** A ring slot: the raw exchange, and its redacted view once someone read it. */
    private static final class Entry {
        private final long id;
        private final Instant at;
        private final Raw raw;
        private McpExchange view;

        Entry(long id, Instant at, Raw raw) {
            this.id = id;
            this.at = at;
            this.raw = raw;
        }

        synchronized McpExchange view(ExchangeRedaction redaction) {
            if (view == null) {
                view = new McpExchange(
                        id,
                        at,
                        raw.method(),
                        raw.target() == null ? null : ExchangeRedaction.text(raw.target()),
                        raw.subject(),
                        raw.clientId(),
                        sessionLabel(raw.session()),
                        raw.status(),
                        raw.durationNanos() / 1000,
                        body(redaction, raw.request(), raw.sensitive()),
                        body(redaction, raw.response(), raw.sensitive()));
            }
            return view;
        }

        /** A legacy session's id is a bearer of sorts: the inspector shows a short digest that still groups it. */
        private static String sessionLabel(String session) {
            if (session == null) {
                return null;
            }
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(session.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest, 0, 6);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String body(ExchangeRedaction redaction, JsonValue value, Set<String> sensitive) {
            if (value == null) {
                return null;
            }
            String text = redaction.apply(value, sensitive).toString();
            return text.length() <= MAX_BODY_CHARS ? text : text.substring(0, MAX_BODY_CHARS) + "…(cut)";
        }
    }
}
