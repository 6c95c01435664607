package dev.portcullis.oauth.endpoints;

import dev.portcullis.config.AuthServerConfig;
import dev.portcullis.oauth.error.OAuthErrorCodes;
import dev.portcullis.oauth.error.TokenErrors;
import dev.portcullis.oauth.pages.ErrorHtml;
import dev.portcullis.oauth.token.FormParameters;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Caps every request body of the authorization server before a byte of it is buffered: a declared
 * {@code Content-Length} over the limit is refused unread, and otherwise at most limit + 1 bytes are read (a
 * chunked body cannot grow past it) and handed on. Token and revocation requests stop at
 * {@link FormParameters#MAX_BODY_CHARS} with the OAuth {@code invalid_request} error (RFC 6749 section 5.2 and
 * RFC 7009 section 2.2.1 define no other status for a malformed request); the browser forms ({@code /authorize},
 * {@code /consents}) stop at {@link AuthServerConfig#maxFormBytes()} with 413 and the error page. Registration
 * reads its body through its own bounded reader ({@link ClientRegistrationResource}) and is left to it, so its
 * error stays {@code invalid_client_metadata} (RFC 7591 section 3.2.2).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14">RFC 9110 section 15.5.14, 413 Content Too Large</a>
 */
@Provider
@PreMatching
public class RequestBodyLimitFilter implements ContainerRequestFilter {

    @Inject
    private AuthServerConfig config;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String path = request.getUriInfo().getPath().replaceFirst("^/+", "");
        if (path.equals("register") || path.startsWith("register/")) {
            return;
        }
        boolean oauthEndpoint = path.equals("token") || path.equals("revoke");
        int limit = oauthEndpoint ? FormParameters.MAX_BODY_CHARS : config.maxFormBytes();
        if (declaredLength(request) > limit || !bufferedWithin(request, limit)) {
            if (oauthEndpoint) {
                throw TokenErrors.invalidRequest("the request body is larger than " + limit + " bytes");
            }
            request.abortWith(ErrorHtml.render(
                    contextPath(request),
                    413,
                    OAuthErrorCodes.INVALID_REQUEST,
                    "The request is larger than this server accepts."));
        }
    }

    /**
     * The declared length, or -1 when absent (chunked) or not one number; then the counted read alone decides.
     * (The header string may come joined, "12,12", from a runtime that repeats it.)
     */
    private static long declaredLength(ContainerRequestContext request) {
        String value = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (value == null || value.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(value.split(",", 2)[0].trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Reads at most limit + 1 bytes and replaces the entity stream with them; false if the body is larger. */
    private static boolean bufferedWithin(ContainerRequestContext request, int limit) throws IOException {
        InputStream entity = request.getEntityStream();
        if (entity == null) {
            return true;
        }
        byte[] buffer = new byte[Math.min(limit + 1, 8192)];
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int n; (n = entity.read(buffer, 0, Math.min(buffer.length, limit + 1 - bytes.size()))) >= 0; ) {
            bytes.write(buffer, 0, Math.min(n, buffer.length));
            if (bytes.size() > limit) {
                return false;
            }
        }
        request.setEntityStream(new ByteArrayInputStream(bytes.toByteArray()));
        return true;
    }

    private static String contextPath(ContainerRequestContext request) {
        return request.getUriInfo().getBaseUri().getPath().replaceFirst("/+$", "");
    }
}
