package dev.portcullis.resourceserver;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which JOSE {@code typ} headers {@code /mcp} accepts. Tokens of the built-in authorization server must be
 * {@code at+jwt} (RFC 9068 section 4: the resource server "MUST verify that the typ header value is at+jwt or
 * application/at+jwt and reject tokens carrying any other value"), so another JWT signed by a trusted key cannot pass
 * as an access token. For an external issuer the accepted values are configurable ({@code portcullis.token.type},
 * default {@code at+jwt}; empty accepts any typ), since some IdPs, Keycloak among them, type their access tokens
 * {@code JWT}. Values compare case-insensitively, with or without the {@code application/} prefix
 * (RFC 7515 section 4.1.9).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068#section-4">RFC 9068 section 4</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8725#section-3.11">RFC 8725 section 3.11 (explicit typing)</a>
 */
public final class AccessTokenTypes {

    /** The RFC 9068 media type of JWT access tokens, without {@code application/}. */
    public static final String AT_JWT = "at+jwt";

    private final List<String> accepted;

    private AccessTokenTypes(List<String> accepted) {
        this.accepted = accepted.stream().map(AccessTokenTypes::normalize).toList();
    }

    /** The built-in issuer's rule: {@code at+jwt} only, whatever is configured. */
    public static AccessTokenTypes builtIn() {
        return new AccessTokenTypes(List.of(AT_JWT));
    }

    /** An external issuer's rule: the configured types ({@code portcullis.token.type}); none listed accepts any. */
    public static AccessTokenTypes external(List<String> configured) {
        return new AccessTokenTypes(configured);
    }

    /** Whether a token whose header has {@code typ} (empty: none) is acceptable. */
    public boolean accepts(Optional<String> typ) {
        return accepted.isEmpty()
                || typ.map(AccessTokenTypes::normalize)
                        .filter(accepted::contains)
                        .isPresent();
    }

    private static String normalize(String type) {
        String lower = type.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("application/") ? lower.substring("application/".length()) : lower;
    }
}
