package dev.portcullis.resourceserver;

import dev.portcullis.mcp.outbound.PresentedToken;
import dev.portcullis.mcp.outbound.PresentingCaller;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The MCP engine's view of a caller authenticated by MicroProfile JWT. It exposes claims but never the raw token,
 * so tool code cannot forward it (no token passthrough, MCP security best practices). The token reaches outbound
 * token exchange only, as an opaque {@link PresentedToken} (src/docs/outbound.md).
 */
final class TokenCaller implements PresentingCaller {

    private static final Set<String> HIDDEN_CLAIMS = Set.of("raw_token");

    private final JsonWebToken token;
    private final SecurityContext security;
    private final String scopeClaim;
    private final String groupsClaim;
    // Read from the token on first use: most requests ask for one of them or none (benchmarks.md).
    private Set<String> scopes;
    private Set<String> groups;

    TokenCaller(JsonWebToken token, SecurityContext security, String scopeClaim, String groupsClaim) {
        this.token = token;
        this.security = security;
        this.scopeClaim = scopeClaim;
        this.groupsClaim = groupsClaim;
    }

    /** The RFC 8693 subject token for a downstream called on this caller's behalf; never readable by tools. */
    @Override
    public PresentedToken presentedToken() {
        return PresentedToken.of(token.getRawToken());
    }

    @Override
    public String name() {
        return token.getName();
    }

    @Override
    public Set<String> groups() {
        if (groups == null) {
            groups = words(token.getClaim(groupsClaim));
        }
        return groups;
    }

    @Override
    public Set<String> scopes() {
        if (scopes == null) {
            scopes = words(token.getClaim(scopeClaim));
        }
        return scopes;
    }

    @Override
    public Optional<Object> claim(String name) {
        if (HIDDEN_CLAIMS.contains(name)) {
            return Optional.empty();
        }
        return Optional.ofNullable(token.getClaim(name));
    }

    @Override
    public boolean isInRole(String role) {
        return security.isUserInRole(role);
    }

    /** A space-separated string (RFC 9068 {@code scope}) or a JSON array ({@code groups}, some IdPs' {@code scp}). */
    static Set<String> words(Object claim) {
        Set<String> words = new LinkedHashSet<>();
        if (claim instanceof String text) {
            splitOnSpaces(text, words);
        } else if (claim instanceof JsonString text) {
            splitOnSpaces(text.getString(), words);
        } else if (claim instanceof Collection<?> values) {
            values.forEach(value -> words.add(value instanceof JsonString s ? s.getString() : String.valueOf(value)));
        }
        words.remove("");
        return Set.copyOf(words);
    }

    /** RFC 6749 section 3.3: scope tokens are separated by spaces; any whitespace is tolerated here. */
    private static void splitOnSpaces(String text, Set<String> into) {
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean gap = i == text.length() || Character.isWhitespace(text.charAt(i));
            if (gap && start >= 0) {
                into.add(text.substring(start, i));
                start = -1;
            } else if (!gap && start < 0) {
                start = i;
            }
        }
    }
}
