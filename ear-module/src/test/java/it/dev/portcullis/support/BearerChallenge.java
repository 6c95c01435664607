package it.dev.portcullis.support;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parsed {@code WWW-Authenticate: Bearer k="v", ...} header (RFC 6750 section 3). */
public record BearerChallenge(Map<String, String> params) {

    private static final Pattern PARAM = Pattern.compile("([a-z_]+)=\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(?:,\\s*|$)");

    public static BearerChallenge of(HttpResponse<?> response) {
        java.util.List<String> headers = response.headers().allValues("WWW-Authenticate");
        if (headers.size() != 1) {
            throw new AssertionError("expected one WWW-Authenticate header, got " + headers);
        }
        return parse(headers.get(0));
    }

    /** A header's value as a client saw it, e.g. reported by the SDK client's transcript. */
    public static BearerChallenge parse(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            throw new AssertionError("not a Bearer challenge: " + header);
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher matcher = PARAM.matcher(header.substring(7));
        int end = 0;
        while (matcher.find() && matcher.start() == end) {
            params.put(matcher.group(1), matcher.group(2).replaceAll("\\\\(.)", "$1"));
            end = matcher.end();
        }
        if (end != header.length() - 7) {
            throw new AssertionError("malformed challenge: " + header);
        }
        return new BearerChallenge(params);
    }

    public String get(String name) {
        return params.get(name);
    }
}
