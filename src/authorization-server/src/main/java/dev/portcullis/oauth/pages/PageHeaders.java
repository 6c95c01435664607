package dev.portcullis.oauth.pages;

import dev.portcullis.platform.web.NoStore;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Headers for every login, consent and error page: not cached, never framed (clickjacking), no scripts, styles and
 * images only from this origin, and forms posting only here (plus, for the consent form, the origin of the client's
 * redirect URI, because browsers apply {@code form-action} to the redirect that follows the submission).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.13">RFC 6749 section 10.13 (clickjacking)</a>
 * @see <a href="https://www.w3.org/TR/CSP3/#directive-form-action">CSP Level 3: form-action</a>
 */
public final class PageHeaders {

    private static final Pattern SAFE_SOURCE = Pattern.compile("[a-z][a-z0-9+.\\-]*:(//[A-Za-z0-9.\\-\\[\\]:]+)?");

    private PageHeaders() {}

    /** An HTML page with the strict headers; forms may post only to this origin. */
    public static Response html(int status, String html) {
        return html(status, html, null);
    }

    /** An HTML page whose form leads, after a redirect, to {@code formTarget} (a redirect URI). */
    public static Response html(int status, String html, String formTarget) {
        return secure(
                        Response.status(status)
                                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                                .entity(html),
                        formTarget)
                .build();
    }

    /**
     * An HTML page with the strict headers that may run scripts of this origin (a module file of the WAR, never
     * inline) and connect back to it (fetch, EventSource): the live inspector.
     */
    public static Response scripted(int status, String html) {
        return secure(
                        Response.status(status)
                                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                                .entity(html),
                        null,
                        "'self'")
                .build();
    }

    /** Adds the strict headers to any response of the authorization endpoint, redirects included. */
    public static Response.ResponseBuilder secure(Response.ResponseBuilder response, String formTarget) {
        return secure(response, formTarget, "'none'");
    }

    private static Response.ResponseBuilder secure(
            Response.ResponseBuilder response, String formTarget, String scriptSource) {
        String formAction = "'self'" + source(formTarget).map(s -> " " + s).orElse("");
        return NoStore.withPragma(response)
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header(
                        "Content-Security-Policy",
                        "default-src 'self'; img-src 'self'; script-src " + scriptSource + "; object-src 'none'; "
                                + "base-uri 'none'; frame-ancestors 'none'; form-action " + formAction);
    }

    /** The CSP source expression for a URI's origin ({@code https://host:port}, or {@code scheme:}). */
    static Optional<String> source(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        try {
            URI parsed = URI.create(uri);
            String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
            String source = parsed.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))
                    ? scheme + ":"
                    : scheme + "://" + parsed.getHost() + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort());
            return SAFE_SOURCE.matcher(source).matches() ? Optional.of(source) : Optional.empty();
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
