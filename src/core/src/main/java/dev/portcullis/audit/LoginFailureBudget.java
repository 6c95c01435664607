package dev.portcullis.audit;

import dev.portcullis.config.AuditConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the {@code login.failed} records one source may cause. The FORM error page is an ordinary URL: a container
 * may reach it by a redirect (Liberty does), so any caller can request it, and no request attribute, header or
 * cookie tells a real failure from a forged one (Servlet 6.0 section 13.6.3.1 lets the container forward or
 * redirect). So each source gets {@code portcullis.audit.login-failures-per-minute} records in any 60 seconds (a
 * sliding window: a burst across a minute boundary gets no second budget); the rest are counted, and the source's next record says how many were left out. The source is the TCP peer address the
 * container reports, never a header the caller sends; IPv6 peers count per /64, the block one host usually holds.
 * At most {@value #MAX_SOURCES} sources are tracked at once; past that, new sources share one budget (sources quiet
 * for a minute are forgotten first; an unreported count, after an hour).
 *
 * @see <a href="https://jakarta.ee/specifications/servlet/6.0/jakarta-servlet-spec-6.0#form-based-authentication">Servlet 6.0 section 13.6.3</a>
 */
@ApplicationScoped
public class LoginFailureBudget {

    static final int MAX_SOURCES = 10_000;
    static final long WINDOW_MILLIS = 60_000;
    static final String OVERFLOW = "other";

    /** Whether to record this failure, and how many of the source's failures went unrecorded before it. */
    public record Admission(boolean record, String source, long suppressedBefore, boolean lastInWindow) {}

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong suppressed = new AtomicLong();

    @Inject
    private AuditConfig config;

    @Inject
    private Clock clock;

    /** Whether a failure seen from {@code remoteAddress} (the TCP peer) is recorded now. */
    public Admission admit(String remoteAddress) {
        return admit(remoteAddress, clock.millis(), config.loginFailuresPerMinute());
    }

    /** Failures left unrecorded since start (counter, monotonic). */
    public long suppressed() {
        return suppressed.get();
    }

    Admission admit(String remoteAddress, long nowMillis, int perMinute) {
        String source = source(remoteAddress);
        Window window = windows.get(source);
        if (window == null) {
            if (windows.size() >= MAX_SOURCES) {
                windows.values().removeIf(w -> w.idleSince(nowMillis));
            }
            if (windows.size() >= MAX_SOURCES) {
                source = OVERFLOW;
            }
            window = windows.computeIfAbsent(source, key -> new Window());
        }
        Admission admission = window.admit(source, nowMillis, perMinute);
        if (!admission.record()) {
            suppressed.incrementAndGet();
        }
        return admission;
    }

    /** The peer address as the budget counts it: IPv4 as is, IPv6 by its /64 prefix; anything else as one source. */
    static String source(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return OVERFLOW;
        }
        String address = remoteAddress.strip();
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        if (!address.matches("[0-9A-Fa-f:.%a-zA-Z]{2,64}")
                || (address.indexOf(':') < 0 && !address.matches("[0-9.]+"))) {
            return OVERFLOW; // not an address literal: never resolve a name here
        }
        try {
            byte[] bytes =
                    InetAddress.getByName(address.replaceFirst("%.*$", "")).getAddress();
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            byte[] prefix = new byte[16];
            System.arraycopy(bytes, 0, prefix, 0, 8);
            return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return OVERFLOW;
        }
    }

    /** One source's records of the last 60 seconds, and what it left unrecorded since its last record. */
    private static final class Window {
        private final ArrayDeque<Long> recordTimes = new ArrayDeque<>();
        private long lastSeen = Long.MIN_VALUE;
        private long unrecorded;

        synchronized Admission admit(String source, long now, int perMinute) {
            lastSeen = now;
            while (!recordTimes.isEmpty() && recordTimes.peekFirst() <= now - WINDOW_MILLIS) {
                recordTimes.pollFirst();
            }
            if (recordTimes.size() >= perMinute) {
                unrecorded++;
                return new Admission(false, source, 0, false);
            }
            recordTimes.addLast(now);
            long before = unrecorded;
            unrecorded = 0;
            return new Admission(true, source, before, recordTimes.size() == perMinute);
        }

        /** Forgettable: quiet for a minute, and nothing left to report (or its count is an hour old). */
        synchronized boolean idleSince(long now) {
            return lastSeen <= now - WINDOW_MILLIS && (unrecorded == 0 || lastSeen <= now - 60 * WINDOW_MILLIS);
        }
    }
}
