package dev.portcullis.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Answers 400 to a request whose {@code Content-Type} is not a media type, before the JAX-RS runtime sees it:
 * RESTEasy parses the header while it builds the request and logs a stack trace for a malformed one (found by
 * {@code HttpFuzzIT}). The grammar is RFC 9110 section 8.3.1: {@code type "/" subtype *( OWS ";" OWS parameter )},
 * tokens of tchar, parameter values a token or a quoted string. Each web module registers it through its own
 * {@code @WebFilter} subclass.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9110#section-8.3.1">RFC 9110 section 8.3.1</a>
 */
public class MalformedContentTypeFilter extends HttpFilter {

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String QUOTED =
            "\"(?:[\\t \\x21\\x23-\\x5B\\x5D-\\x7E\\x80-\\xFF]|\\\\[\\t \\x21-\\x7E\\x80-\\xFF])*\"";
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            TOKEN + "/" + TOKEN + "(?:[ \\t]*;[ \\t]*(?:" + TOKEN + "=(?:" + TOKEN + "|" + QUOTED + "))?)*[ \\t]*");
    static final String BODY =
            "{\"error\":\"invalid_request\",\"error_description\":\"The Content-Type header is not a media type.\"}";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String contentType = request.getHeader("Content-Type");
        if (contentType != null && !contentType.isBlank() && !valid(contentType)) {
            response.setStatus(400);
            response.setContentType("application/json");
            NoStore.set(response);
            response.getOutputStream().write(BODY.getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether {@code value} is a media type by RFC 9110's grammar. */
    public static boolean valid(String value) {
        return value.length() <= 1024 && MEDIA_TYPE.matcher(value.strip()).matches();
    }
}
