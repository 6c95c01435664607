package dev.portcullis.oauth.console;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;

/**
 * Whether a state-changing request comes from a page of this origin: the second line of CSRF defence beside the
 * form token. A browser sends {@code Origin} with every POST and {@code Sec-Fetch-Site} with every request; when
 * either is present it must name this origin ({@code Origin: null}, sent from sandboxed or privacy-sensitive
 * contexts, is refused). A request with neither comes from no browser and is left to the form token.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6454#section-7">RFC 6454 section 7 (Origin header)</a>
 * @see <a href="https://www.w3.org/TR/fetch-metadata/#sec-fetch-site-header">Fetch Metadata: Sec-Fetch-Site</a>
 * @see <a href="https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html">OWASP CSRF prevention</a>
 */
final class SameOrigin {

    private SameOrigin() {
    }

    static boolean holds(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin")) {
            return false;
        }
        String origin = request.getHeader("Origin");
        return origin == null || origin.equalsIgnoreCase(ownOrigin(request));
    }

    /** This request's own origin, {@code scheme://host[:port]} with the default port left out. */
    static String ownOrigin(HttpServletRequest request) {
        URI url = URI.create(request.getRequestURL().toString());
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port < 0 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
