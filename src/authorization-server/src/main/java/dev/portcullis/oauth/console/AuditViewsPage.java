package dev.portcullis.oauth.console;

import static dev.portcullis.oauth.console.ConsoleHtml.query;
import static dev.portcullis.oauth.console.ConsoleHtml.when;
import static dev.portcullis.oauth.pages.Html.escape;

import dev.portcullis.audit.AuditEventType;
import dev.portcullis.audit.AuditFilter;
import dev.portcullis.audit.AuditRecords;
import dev.portcullis.oauth.authorize.RealmUser;
import dev.portcullis.persistence.AuditRecordEntity;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The console's views over the audit trail (src/docs/audit.md), for operators: a client's flow timeline, every
 * recent OAuth attempt with its events in order, so "why does this client keep asking me to log in" has an answer
 * on one screen; and tool activity, calls, errors and latency percentiles per tool with the audit log under filters
 * and a link to the JSON Lines export. Read only; every value shown is escaped, and the records hold no secret.
 */
@Path("/console/audit")
@RequestScoped
public class AuditViewsPage {

    /** How far back the views look, and how many records they read at most. */
    static final Duration WINDOW = Duration.ofDays(7);

    static final int MAX_RECORDS = 2000;
    private static final int MAX_LOG_ROWS = 100;
    private static final int MAX_DETAIL = 300;
    private static final int MAX_FILTER = 200;

    @EJB
    private AuditRecords records;

    @Inject
    private SignedInUser signedIn;

    @Inject
    private Clock clock;

    @Context
    private HttpServletRequest http;

    @Context
    private HttpServletResponse httpResponse;

    /** A client's OAuth attempts, newest first, each with its records in the order they happened. */
    @GET
    @Path("/timeline")
    @Produces(MediaType.TEXT_HTML)
    public Response timeline(@QueryParam("client") String clientId) {
        RealmUser operator = signedIn.of(http, httpResponse);
        Optional<Response> refusal = ConsoleAccess.refusal(signedIn, http, operator);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        String base = http.getContextPath();
        String client = clip(clientId);
        StringBuilder body = new StringBuilder(ConsoleAccess.header(base, operator, "Flow timeline"));
        body.append("<p>Client <a href=\"")
                .append(escape(base))
                .append("/console/client?id=")
                .append(escape(query(client)))
                .append("\"><code id=\"client-id\">")
                .append(escape(client))
                .append("</code></a>, the last ")
                .append(WINDOW.toDays())
                .append(" days.</p>\n");
        List<AuditRecordEntity> newest = client.isEmpty()
                ? List.of()
                : records.latest(
                        new AuditFilter(now().minus(WINDOW), null, null, client, null, null, null, null, null),
                        MAX_RECORDS);
        Map<String, List<AuditRecordEntity>> flows = flows(newest);
        if (flows.isEmpty()) {
            body.append("<p id=\"no-flows\">No audit record of this client in that time.</p>\n");
        }
        int index = 0;
        for (Map.Entry<String, List<AuditRecordEntity>> flow : flows.entrySet()) {
            List<AuditRecordEntity> events = flow.getValue();
            index++;
            body.append("<table class=\"consents flow\" id=\"flow-")
                    .append(index)
                    .append("\">\n<caption>")
                    .append(flow.getKey().startsWith("request ") ? "Outside a flow" : "Flow " + escape(flow.getKey()))
                    .append(", ")
                    .append(when(events.get(0).getOccurredAt()))
                    .append("</caption>\n<tr><th scope=\"col\">When</th>")
                    .append("<th scope=\"col\">Event</th><th scope=\"col\">Outcome</th><th scope=\"col\">User</th>")
                    .append("<th scope=\"col\">Details</th></tr>\n");
            for (AuditRecordEntity event : events) {
                body.append("<tr><td>")
                        .append(when(event.getOccurredAt()))
                        .append("</td><td class=\"event\">")
                        .append(escape(event.getEventType()))
                        .append(event.getTarget() == null ? "" : " " + escape(event.getTarget()))
                        .append("</td><td class=\"outcome\">")
                        .append(escape(event.getOutcome()))
                        .append("</td><td>")
                        .append(escape(event.getSubject() == null ? "" : event.getSubject()))
                        .append("</td><td>")
                        .append(detail(event.getDetails()))
                        .append("</td></tr>\n");
            }
            body.append("</table>\n");
        }
        return ConsoleHtml.page(base, "Flow timeline", body.toString());
    }

    /**
     * The records grouped by flow, the newest flow first, each flow's records oldest first. MCP calls carry no flow
     * id (a flow ends with the token), so a record without one joins its user's latest flow with this client before
     * it; the rest are grouped by request, as "outside a flow".
     */
    static Map<String, List<AuditRecordEntity>> flows(List<AuditRecordEntity> newestFirst) {
        Map<String, List<AuditRecordEntity>> oldestFlowFirst = new LinkedHashMap<>();
        Map<String, String> latestFlowOfSubject = new HashMap<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            AuditRecordEntity record = newestFirst.get(i);
            String key = record.getFlowId();
            if (key != null && record.getSubject() != null) {
                latestFlowOfSubject.put(record.getSubject(), key);
            }
            if (key == null && record.getSubject() != null) {
                key = latestFlowOfSubject.get(record.getSubject());
            }
            if (key == null) {
                key = "request " + record.getRequestId();
            }
            oldestFlowFirst.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
        }
        List<Map.Entry<String, List<AuditRecordEntity>>> entries = new ArrayList<>(oldestFlowFirst.entrySet());
        Collections.reverse(entries);
        Map<String, List<AuditRecordEntity>> newestFlowFirst = new LinkedHashMap<>();
        entries.forEach(e -> newestFlowFirst.put(e.getKey(), e.getValue()));
        return newestFlowFirst;
    }

    /** Calls, errors and latency per tool, then the audit log under the given filters with an export link. */
    @GET
    @Path("/activity")
    @Produces(MediaType.TEXT_HTML)
    public Response activity(
            @QueryParam("type") String type,
            @QueryParam("subject") String subject,
            @QueryParam("client") String client,
            @QueryParam("outcome") String outcome,
            @QueryParam("from") String from) {
        RealmUser operator = signedIn.of(http, httpResponse);
        Optional<Response> refusal = ConsoleAccess.refusal(signedIn, http, operator);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        String base = http.getContextPath();
        Instant since = instant(from).orElse(now().minus(WINDOW));
        StringBuilder body = new StringBuilder(ConsoleAccess.header(base, operator, "Tool activity"));
        List<AuditRecordEntity> calls = records.latest(
                new AuditFilter(
                        since, null, null, null, AuditEventType.MCP_TOOLS_CALL.wireName(), null, null, null, null),
                MAX_RECORDS);
        body.append(toolTable(calls, since));
        body.append(ToolActivitySeries.table(ToolActivitySeries.buckets(calls, since, now())));
        AuditFilter filter = new AuditFilter(
                since,
                null,
                blankToNull(subject),
                blankToNull(client),
                blankToNull(type),
                null,
                blankToNull(outcome),
                null,
                null);
        body.append(filterForm(base, filter, from));
        body.append(logTable(records.latest(filter, MAX_LOG_ROWS)));
        return ConsoleHtml.page(base, "Tool activity", body.toString());
    }

    private static String toolTable(List<AuditRecordEntity> calls, Instant since) {
        Map<String, List<AuditRecordEntity>> byTool = new TreeMap<>();
        calls.forEach(call -> byTool.computeIfAbsent(
                        call.getTarget() == null ? "(unknown)" : call.getTarget(), k -> new ArrayList<>())
                .add(call));
        StringBuilder table = new StringBuilder("<table class=\"consents\" id=\"tools\">\n<caption>Tool calls since ")
                .append(when(since))
                .append(calls.size() == MAX_RECORDS ? " (the newest " + MAX_RECORDS + ")" : "")
                .append(
                        "</caption>\n<tr><th scope=\"col\">Tool</th><th scope=\"col\">Calls</th><th scope=\"col\">Errors</th>")
                .append(
                        "<th scope=\"col\">p50</th><th scope=\"col\">p95</th><th scope=\"col\">p99</th><th scope=\"col\">Last</th></tr>\n");
        if (byTool.isEmpty()) {
            table.append("<tr><td colspan=\"7\" id=\"no-calls\">No tool call in that time.</td></tr>\n");
        }
        byTool.forEach((tool, list) -> {
            long errors =
                    list.stream().filter(c -> !"ok".equals(c.getOutcome())).count();
            long[] micros = list.stream()
                    .map(AuditRecordEntity::getDurationMicros)
                    .filter(d -> d != null)
                    .mapToLong(Long::longValue)
                    .sorted()
                    .toArray();
            table.append("<tr class=\"tool\"><td><code>")
                    .append(escape(tool))
                    .append("</code></td><td class=\"calls\">")
                    .append(list.size())
                    .append("</td><td class=\"errors\">")
                    .append(errors)
                    .append("</td><td>")
                    .append(ToolActivitySeries.millis(micros, 0.50))
                    .append("</td><td>")
                    .append(ToolActivitySeries.millis(micros, 0.95))
                    .append("</td><td>")
                    .append(ToolActivitySeries.millis(micros, 0.99))
                    .append("</td><td>")
                    .append(when(list.get(0).getOccurredAt()))
                    .append("</td></tr>\n");
        });
        return table.append("</table>\n").toString();
    }

    private static String filterForm(String base, AuditFilter filter, String from) {
        StringBuilder form = new StringBuilder("<form method=\"get\" action=\"")
                .append(escape(base))
                .append("/console/audit/activity\" id=\"audit-filter\">");
        field(form, "type", "Event type", filter.type());
        field(form, "subject", "User", filter.subject());
        field(form, "client", "Client id", filter.clientId());
        field(form, "outcome", "Outcome", filter.outcome());
        field(form, "from", "From (ISO-8601 instant)", from);
        form.append(" <button type=\"submit\" id=\"filter\">Filter</button></form>\n");
        StringBuilder export = new StringBuilder(base)
                .append("/admin/audit/export?from=")
                .append(query(filter.from().toString()));
        appendParameter(export, "type", filter.type());
        appendParameter(export, "subject", filter.subject());
        appendParameter(export, "client_id", filter.clientId());
        appendParameter(export, "outcome", filter.outcome());
        return form.append("<p><a id=\"export\" href=\"")
                .append(escape(export.toString()))
                .append("\">Export these records as JSON Lines</a></p>\n")
                .toString();
    }

    private static String logTable(List<AuditRecordEntity> log) {
        StringBuilder table = new StringBuilder("<table class=\"consents\" id=\"audit-log\">\n<caption>The newest ")
                .append(MAX_LOG_ROWS)
                .append(" matching records</caption>\n<tr><th scope=\"col\">When</th><th scope=\"col\">Event</th>")
                .append("<th scope=\"col\">Outcome</th><th scope=\"col\">User</th><th scope=\"col\">Client</th>")
                .append("<th scope=\"col\">Details</th></tr>\n");
        for (AuditRecordEntity record : log) {
            table.append("<tr><td>")
                    .append(when(record.getOccurredAt()))
                    .append("</td><td>")
                    .append(escape(record.getEventType()))
                    .append(record.getTarget() == null ? "" : " " + escape(record.getTarget()))
                    .append("</td><td>")
                    .append(escape(record.getOutcome()))
                    .append("</td><td>")
                    .append(escape(record.getSubject() == null ? "" : record.getSubject()))
                    .append("</td><td><code>")
                    .append(escape(record.getClientId() == null ? "" : record.getClientId()))
                    .append("</code></td><td>")
                    .append(detail(record.getDetails()))
                    .append("</td></tr>\n");
        }
        return table.append("</table>\n").toString();
    }

    private static void field(StringBuilder form, String name, String label, String value) {
        form.append(" <label for=\"")
                .append(name)
                .append("\">")
                .append(escape(label))
                .append("</label> <input type=\"text\" id=\"")
                .append(name)
                .append("\" name=\"")
                .append(name)
                .append("\" maxlength=\"")
                .append(MAX_FILTER)
                .append("\" value=\"")
                .append(escape(value == null ? "" : value))
                .append("\">");
    }

    private static void appendParameter(StringBuilder url, String name, String value) {
        if (value != null) {
            url.append('&').append(name).append('=').append(query(value));
        }
    }

    private static String detail(String details) {
        if (details == null) {
            return "";
        }
        String text = details.length() > MAX_DETAIL ? details.substring(0, MAX_DETAIL) + "…" : details;
        return "<code class=\"details\">" + escape(text) + "</code>";
    }

    private static Optional<Instant> instant(String value) {
        try {
            return value == null || value.isBlank() || value.length() > 64
                    ? Optional.empty()
                    : Optional.of(Instant.parse(value.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String blankToNull(String value) {
        String clipped = clip(value);
        return clipped.isEmpty() ? null : clipped;
    }

    private static String clip(String value) {
        String stripped = value == null ? "" : value.strip();
        return stripped.length() > MAX_FILTER ? stripped.substring(0, MAX_FILTER) : stripped;
    }

    private Instant now() {
        return clock.instant();
    }
}
