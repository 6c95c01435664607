package dev.portcullis.oauth.authorize;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Compares a requested redirect URI with the registered ones: simple string comparison, except that an
 * {@code http} redirect to a loopback host matches on any port, because native apps listen on whatever port is
 * free. Loopback means the IP literals {@code 127.0.0.1} and {@code [::1]}, and also {@code localhost}, which
 * registration accepts and several MCP clients use although RFC 8252 section 8.3 prefers the literals.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1-13#section-2.3.1">OAuth 2.1 section 2.3.1</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1-13#section-8.4.2">OAuth 2.1 section 8.4.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8252#section-7.3">RFC 8252 section 7.3</a>
 */
public final class RedirectUris {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");

    private RedirectUris() {}

    /** The registered URI {@code requested} matches, if any; with none requested, the only registered one. */
    public static Optional<String> select(List<String> registered, String requested) {
        if (requested == null) {
            return registered.size() == 1 ? Optional.of(registered.get(0)) : Optional.empty();
        }
        return registered.stream()
                .filter(candidate -> matches(candidate, requested))
                .findFirst()
                .map(ignored -> requested);
    }

    /** Whether {@code requested} is {@code registered}, or the same loopback URI on another port. */
    public static boolean matches(String registered, String requested) {
        if (registered.equals(requested)) {
            return true;
        }
        Optional<URI> a = loopback(registered);
        Optional<URI> b = loopback(requested);
        return a.isPresent()
                && b.isPresent()
                && a.get().getHost().equalsIgnoreCase(b.get().getHost())
                && Objects.equals(a.get().getRawPath(), b.get().getRawPath())
                && Objects.equals(a.get().getRawQuery(), b.get().getRawQuery());
    }

    /** Whether the URI is an http URI on a loopback host. */
    public static boolean isLoopback(String uri) {
        return loopback(uri).isPresent();
    }

    private static Optional<URI> loopback(String value) {
        try {
            URI uri = new URI(value);
            boolean plain = uri.getRawUserInfo() == null && uri.getRawFragment() == null;
            return "http".equals(uri.getScheme())
                            && uri.getHost() != null
                            && plain
                            && LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))
                    ? Optional.of(uri)
                    : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
