package dev.portcullis.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The one place that marks a response as not to be stored: responses that carry credentials, errors about them,
 * and pages with forms must not be cached (RFC 6749 section 5.1, RFC 9111 section 5.2.2.5): {@code Cache-Control:
 * no-store}, and where the response has always said so, {@code Pragma: no-cache} for HTTP/1.0 caches.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.1">RFC 6749 section 5.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9111#section-5.2.2.5">RFC 9111 section 5.2.2.5</a>
 */
public final class NoStore {

    private static final String CACHE_CONTROL = "Cache-Control";
    private static final String NO_STORE = "no-store";

    private NoStore() {}

    /** A 200 builder with the no-store headers ({@code Cache-Control} and {@code Pragma}). */
    public static Response.ResponseBuilder ok(MediaType type) {
        return withPragma(Response.ok().type(type));
    }

    /** {@code response} with {@code Cache-Control: no-store}. */
    public static Response.ResponseBuilder set(Response.ResponseBuilder response) {
        return response.header(CACHE_CONTROL, NO_STORE);
    }

    /** {@code response} with {@code Cache-Control: no-store} and {@code Pragma: no-cache}. */
    public static Response.ResponseBuilder withPragma(Response.ResponseBuilder response) {
        return set(response).header("Pragma", "no-cache");
    }

    /** Sets {@code Cache-Control: no-store} on a response a servlet filter writes itself. */
    public static void set(HttpServletResponse response) {
        response.setHeader(CACHE_CONTROL, NO_STORE);
    }
}
