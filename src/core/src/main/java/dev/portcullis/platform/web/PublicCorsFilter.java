package dev.portcullis.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * CORS for the endpoints a browser-based MCP client (the MCP Inspector in direct mode, a web app) calls from another
 * origin: discovery metadata, registration, token and revocation. Every answer gets
 * {@code Access-Control-Allow-Origin: *} and never {@code Access-Control-Allow-Credentials}, so a browser sends no
 * cookies with such a request and no page can act with the user's login session through it; these endpoints take
 * no cookies anyway (the client proves itself with PKCE, its own credentials or a bearer token). A preflight
 * ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}) is answered here with 204, and
 * only for the registered methods and the headers {@code Content-Type} and {@code MCP-Protocol-Version}; any other
 * preflight gets 204 without CORS headers, which the browser treats as a refusal. Each module registers it through
 * a {@code @WebFilter} subclass on exact paths only: never on the authorization endpoint, the consent and login
 * pages, or the RFC 7592 management endpoints.
 *
 * @see <a href="https://fetch.spec.whatwg.org/#http-cors-protocol">Fetch standard: the CORS protocol</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/draft-ietf-oauth-browser-based-apps">OAuth 2.0 for Browser-Based Applications (CORS on the token endpoint)</a>
 */
public abstract class PublicCorsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String ALLOWED_HEADERS = "Content-Type, MCP-Protocol-Version";
    static final String EXPOSED_HEADERS = "Retry-After, WWW-Authenticate";

    /** The methods a cross-origin caller may use on this filter's paths (upper case). */
    protected abstract Set<String> methods();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String requestedMethod = request.getHeader("Access-Control-Request-Method");
        if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Origin") != null && requestedMethod != null) {
            if (methods().contains(requestedMethod)) { // methods are case-sensitive (Fetch standard)
                response.setHeader("Access-Control-Allow-Origin", "*");
                response.setHeader(
                        "Access-Control-Allow-Methods",
                        String.join(", ", methods().stream().sorted().toList()));
                response.setHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
                response.setHeader("Access-Control-Max-Age", "600");
            }
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        chain.doFilter(request, response);
    }
}
