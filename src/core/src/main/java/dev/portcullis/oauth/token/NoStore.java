package dev.portcullis.oauth.token;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Responses that carry credentials must not be cached (RFC 6749 section 5.1): {@code Cache-Control: no-store},
 * and {@code Pragma: no-cache} for HTTP/1.0 caches.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.1">RFC 6749 section 5.1</a>
 */
public final class NoStore {

    private NoStore() {
    }

    /** A 200 builder with the no-store headers. */
    public static Response.ResponseBuilder ok(MediaType type) {
        return Response.ok().type(type).header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }
}
