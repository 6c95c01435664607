package dev.portcullis.oauth.admin;

import dev.portcullis.audit.AuditEventType;
import dev.portcullis.audit.AuditFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The audit API's query parameters, checked: every parameter at most once and known, instants in ISO-8601
 * ({@code 2026-01-01T00:00:00Z}), event types from the documented list, {@code limit} 1 to {@value #MAX_LIMIT}, and
 * the cursor one this API issued. A violation is an {@link IllegalArgumentException} whose message the client sees.
 */
record AuditQueryParameters(AuditFilter filter, long afterId, int limit) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final int MAX_VALUE = 2048;
    private static final String CURSOR_PREFIX = "r1:";
    private static final Set<String> KNOWN = Set.of(
            "from",
            "to",
            "subject",
            "client_id",
            "type",
            "tool",
            "outcome",
            "flow_id",
            "request_id",
            "limit",
            "cursor");

    static AuditQueryParameters parse(MultivaluedMap<String, String> query) {
        for (String name : query.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown parameter " + shorten(name) + "; known: "
                        + String.join(", ", KNOWN.stream().sorted().toList()));
            }
            if (query.get(name).size() > 1) {
                throw new IllegalArgumentException(name + " must be given at most once");
            }
        }
        Instant from = instant(query, "from");
        Instant to = instant(query, "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        String type = text(query, "type");
        if (type != null && AuditEventType.ofWireName(type) == null) {
            throw new IllegalArgumentException(
                    "type must be one of the event types in src/docs/audit.md, e.g. token.issued");
        }
        AuditFilter filter = new AuditFilter(
                from,
                to,
                text(query, "subject"),
                text(query, "client_id"),
                type,
                text(query, "tool"),
                text(query, "outcome"),
                text(query, "flow_id"),
                text(query, "request_id"));
        return new AuditQueryParameters(filter, cursor(text(query, "cursor")), limit(text(query, "limit")));
    }

    /** The opaque cursor that continues after record {@code id}. */
    static String cursorAfter(long id) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((CURSOR_PREFIX + id).getBytes(StandardCharsets.US_ASCII));
    }

    private static long cursor(String value) {
        if (value == null) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII);
            if (decoded.startsWith(CURSOR_PREFIX)) {
                long id = Long.parseLong(decoded.substring(CURSOR_PREFIX.length()));
                if (id >= 0) {
                    return id;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw new IllegalArgumentException("cursor is not one this API issued (use next_cursor of the previous page)");
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw new IllegalArgumentException("limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static Instant instant(MultivaluedMap<String, String> query, String name) {
        String value = text(query, name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
    }

    private static String text(MultivaluedMap<String, String> query, String name) {
        List<String> values = query.get(name);
        String value = values == null || values.isEmpty() ? null : values.get(0);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_VALUE) {
            throw new IllegalArgumentException(name + " is longer than " + MAX_VALUE + " characters");
        }
        return value;
    }

    private static String shorten(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9_.-]", "?");
        return safe.length() > 40 ? safe.substring(0, 40) + "..." : safe;
    }
}
