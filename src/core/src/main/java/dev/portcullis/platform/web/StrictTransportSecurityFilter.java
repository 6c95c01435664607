package dev.portcullis.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Adds {@code Strict-Transport-Security: max-age=31536000} (one year) to every response sent over HTTPS, before
 * the rest of the chain runs so errors and redirects carry it too. Not on plain HTTP, where a browser must ignore
 * it (RFC 6797 section 7.2). No {@code includeSubDomains}: the module cannot know what else runs under the domain.
 * Answers the container makes before any filter runs (the FORM login's redirect to the login page) do not carry
 * it; the login page and every other answer of the application do. Each web module registers it through its own
 * {@code @WebFilter} subclass (annotation scanning covers only a module's own classes).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6797#section-6.1">RFC 6797 section 6.1</a>
 */
public class StrictTransportSecurityFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String VALUE = "max-age=31536000";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", VALUE);
        }
        chain.doFilter(request, response);
    }
}
