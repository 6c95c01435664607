package dev.portcullis.oauth.token;

import dev.portcullis.oauth.error.TokenErrors;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of an {@code application/x-www-form-urlencoded} request body, with the rules of RFC 6749: a
 * parameter sent without a value counts as absent (section 3.1), and none may appear twice (section 3.2) except
 * {@code resource} (RFC 8707 section 2). Malformed bodies are {@code invalid_request}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.2">RFC 6749 section 3.2</a>
 */
public final class FormParameters {

    /** Token and revocation requests are small; anything larger is refused before parsing. */
    public static final int MAX_BODY_CHARS = 16 * 1024;

    private final Map<String, List<String>> values;

    private FormParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Parses a form body, checking the media type first. */
    public static FormParameters parse(String contentType, String body) {
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw TokenErrors.invalidRequest("the request must be application/x-www-form-urlencoded");
        }
        if (body != null && body.length() > MAX_BODY_CHARS) {
            throw TokenErrors.invalidRequest("the request body is too large");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : (body == null ? "" : body).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (!value.isEmpty()) {
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return new FormParameters(values);
    }

    /** The parameter's value, if sent; {@code invalid_request} if sent more than once. */
    public Optional<String> single(String name) {
        List<String> all = values.getOrDefault(name, List.of());
        if (all.size() > 1) {
            throw TokenErrors.invalidRequest("the parameter " + name + " must not be repeated");
        }
        return all.stream().findFirst();
    }

    /** The parameter's value; {@code invalid_request} if missing or repeated. */
    public String required(String name) {
        return single(name).orElseThrow(() -> TokenErrors.invalidRequest("the parameter " + name + " is missing"));
    }

    /** Every value of a parameter that may repeat ({@code resource}). */
    public List<String> all(String name) {
        return List.copyOf(values.getOrDefault(name, List.of()));
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw TokenErrors.invalidRequest("the request body is not valid form encoding");
        }
    }
}
