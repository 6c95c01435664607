package dev.portcullis.platform.web;

import dev.portcullis.audit.Correlation;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives every request an id, returned in {@code X-Request-Id} and stamped on every audit record the request causes
 * ({@link Correlation}). An incoming {@code X-Request-Id} is echoed only when it is 8 to 64 characters of
 * {@code [A-Za-z0-9._:-]} (so it cannot split a header or a log line, or grow a record); otherwise the server makes
 * one. The id is also the request attribute {@value #ATTRIBUTE}. Each web module registers it through its own
 * {@code @WebFilter} subclass, like {@link StrictTransportSecurityFilter}.
 */
public class RequestIdFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = "dev.portcullis.requestId";

    @Inject
    private transient Correlation correlation;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = request.getAttribute(ATTRIBUTE) instanceof String known
                ? known
                : Correlation.acceptOrGenerate(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        correlation.requestId(id);
        chain.doFilter(request, response);
    }
}
