package dev.portcullis.oauth.registration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which redirect URIs a client may register: {@code https}; {@code http} only on a loopback host
 * ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}, any port); and private-use schemes as configured
 * ({@code reverse-domain}: schemes containing a dot, such as {@code com.example.app:/cb}, plus the exact
 * known-client URIs given, such as Cursor's {@code cursor://anysphere.cursor-mcp/oauth/callback}; {@code any}; or
 * {@code none}). Never fragments, relative URIs, user information, or the script and local-content schemes.
 * <p>
 * A known-client URI passes only as the whole string, compared exactly (RFC 8252 section 8.4: redirect URIs match
 * exactly): a look-alike such as {@code cursor://evil/oauth/callback} still needs a dot in its scheme. The exception
 * exists because such clients cannot change their scheme, and refusing one URI refuses their whole registration.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1#section-2.3.1">OAuth 2.1 section 2.3.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8252#section-7.1">RFC 8252 section 7.1 (private-use schemes)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8252#section-7.3">RFC 8252 section 7.3 (loopback)</a>
 */
public final class RedirectUriPolicy {

    /** How private-use schemes are treated. */
    public enum PrivateUseSchemes {
        REVERSE_DOMAIN,
        ANY,
        NONE
    }

    private static final Set<String> FORBIDDEN_SCHEMES = Set.of("javascript", "data", "file", "vbscript");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final int MAX_LENGTH = 2000;

    private final PrivateUseSchemes privateUseSchemes;
    private final Set<String> knownPrivateUseRedirects;

    public RedirectUriPolicy(PrivateUseSchemes privateUseSchemes) {
        this(privateUseSchemes, Set.of());
    }

    /**
     * @param knownPrivateUseRedirects exact URIs that pass under {@code reverse-domain} although their scheme has no
     *        dot (never under {@code none})
     */
    public RedirectUriPolicy(PrivateUseSchemes privateUseSchemes, Collection<String> knownPrivateUseRedirects) {
        this.privateUseSchemes = Objects.requireNonNull(privateUseSchemes, "privateUseSchemes");
        this.knownPrivateUseRedirects = Set.copyOf(knownPrivateUseRedirects);
    }

    /** Parses the configuration value ({@code reverse-domain}, {@code any}, {@code none}). */
    public static RedirectUriPolicy fromSetting(String value) {
        return fromSetting(value, Set.of());
    }

    /** Parses the configuration value, with the known clients' exact private-use redirect URIs. */
    public static RedirectUriPolicy fromSetting(String value, Collection<String> knownPrivateUseRedirects) {
        return new RedirectUriPolicy(
                PrivateUseSchemes.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_')),
                knownPrivateUseRedirects);
    }

    /** Why {@code value} may not be registered, or empty when it may. */
    public Optional<String> problemWith(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return Optional.of("must be 1 to " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URI");
        }
        if (uri.getScheme() == null) {
            return Optional.of("must be an absolute URI");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (FORBIDDEN_SCHEMES.contains(scheme)) {
            return Optional.of("uses the forbidden scheme " + scheme + ":");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not contain a fragment");
        }
        if (uri.getRawUserInfo() != null
                || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            return Optional.of("must not contain user information");
        }
        return switch (scheme) {
            case "https" -> uri.getHost() == null ? Optional.of("must name a host") : Optional.empty();
            case "http" ->
                uri.getHost() != null && LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))
                        ? Optional.empty()
                        : Optional.of("may use http only on a loopback host (localhost, 127.0.0.1, [::1])");
            default -> privateUseProblem(scheme, value);
        };
    }

    private Optional<String> privateUseProblem(String scheme, String value) {
        return switch (privateUseSchemes) {
            case ANY -> Optional.empty();
            case NONE -> Optional.of("must use https or loopback http");
            case REVERSE_DOMAIN ->
                scheme.contains(".") || knownPrivateUseRedirects.contains(value)
                        ? Optional.empty()
                        : Optional.of(
                                "uses a private-use scheme without a dot; use a reverse domain name such as com.example.app");
        };
    }
}
