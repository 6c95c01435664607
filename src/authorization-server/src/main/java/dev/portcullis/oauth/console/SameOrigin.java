package dev.portcullis.oauth.console;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;

/**
 * Whether a state-changing request comes from a page of this origin: the second line of CSRF defence beside the
 * form token. Browsers send {@code Sec-Fetch-Site} with every request: when present it must be {@code same-origin}.
 * They send {@code Origin} with every POST, but as {@code null} when the page's referrer policy is
 * {@code no-referrer} (as these pages' is), so a {@code null} Origin is accepted only beside
 * {@code Sec-Fetch-Site: same-origin}; any other Origin must be this one. A request with neither header comes from no
 * browser and is left to the form token.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6454#section-7">RFC 6454 section 7 (Origin header)</a>
 * @see <a href="https://fetch.spec.whatwg.org/#origin-header">Fetch: the Origin header (null under no-referrer)</a>
 * @see <a href="https://www.w3.org/TR/fetch-metadata/#sec-fetch-site-header">Fetch Metadata: Sec-Fetch-Site</a>
 * @see <a href="https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html">OWASP CSRF prevention</a>
 */
final class SameOrigin {

    private SameOrigin() {}

    static boolean holds(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin")) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        return origin.equals("null") ? site != null : origin.equalsIgnoreCase(ownOrigin(request));
    }

    /** This request's own origin, {@code scheme://host[:port]} with the default port left out. */
    static String ownOrigin(HttpServletRequest request) {
        URI url = URI.create(request.getRequestURL().toString());
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort =
                port < 0 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
