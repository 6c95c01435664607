package dev.portcullis.audit;

import dev.portcullis.config.AuditConfig;
import dev.portcullis.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place events are recorded. Stamps each with the time and the current request's {@link Correlation}, and
 * queues it ({@link AuditQueue}); returns at once and never throws, so recording cannot slow or break the call it
 * records. Nothing happens when {@code portcullis.audit.enabled} is false.
 */
@ApplicationScoped
public class AuditTrail {

    static final int MAX_VALUE = 512;
    static final int MAX_DETAILS = 8000;
    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

    @Inject
    private AuditConfig config;

    @Inject
    private AuditQueue queue;

    @Inject
    private Correlation correlation;

    @Inject
    private Clock clock;

    public void record(AuditEvent event) {
        if (!config.enabled()) {
            return;
        }
        try {
            queue.offer(stamp(event));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Recording an audit event failed: {0}", e.toString());
        }
    }

    /**
     * Makes {@code flowId} the current request's flow, for the events recorded after it (the token endpoint learns
     * it from the code or the token family). Ignored outside a request.
     */
    public void joinFlow(String flowId) {
        if (flowId == null) {
            return;
        }
        try {
            correlation.flowId(flowId);
        } catch (ContextNotActiveException e) {
            // no request: events carry the flow themselves
        }
    }

    /** Whether recording is on: callers skip building an event when it is not. */
    public boolean enabled() {
        return config.enabled();
    }

    private AuditRecord stamp(AuditEvent event) {
        String requestId = null;
        String flowId = event.flowId();
        try {
            requestId = correlation.requestId();
            if (flowId == null) {
                flowId = correlation.flowId();
            }
        } catch (ContextNotActiveException e) {
            // a timer or an executor thread: no request, so no request id
        }
        return new AuditRecord(
                clock.instant(),
                event.type().wireName(),
                event.outcome(),
                cut(event.subject()),
                cut(event.clientId()),
                cut(event.target()),
                event.errorCode(),
                event.durationMicros(),
                requestId,
                flowId,
                details(event.details()));
    }

    private static String details(Map<String, String> details) {
        if (details.isEmpty()) {
            return null;
        }
        JsonObjectBuilder json = Jsons.PROVIDER.createObjectBuilder();
        details.forEach((key, value) ->
                json.add(key, value.length() > MAX_DETAILS / 2 ? value.substring(0, MAX_DETAILS / 2) : value));
        String text = json.build().toString();
        return text.length() > MAX_DETAILS
                ? Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("truncated", "true")
                        .build()
                        .toString()
                : text;
    }

    private static String cut(String value) {
        return value == null || value.length() <= MAX_VALUE * 4 ? value : value.substring(0, MAX_VALUE * 4);
    }
}
