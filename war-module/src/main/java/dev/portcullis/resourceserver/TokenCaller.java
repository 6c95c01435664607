package dev.portcullis.resourceserver;

import dev.portcullis.mcp.api.Caller;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The MCP engine's view of a caller authenticated by MicroProfile JWT. It exposes claims but never the raw token,
 * so tool code cannot forward it (no token passthrough, MCP security best practices).
 */
final class TokenCaller implements Caller {

    private static final Set<String> HIDDEN_CLAIMS = Set.of("raw_token");

    private final JsonWebToken token;
    private final SecurityContext security;
    private final Set<String> scopes;
    private final Set<String> groups;

    TokenCaller(JsonWebToken token, SecurityContext security, String scopeClaim, String groupsClaim) {
        this.token = token;
        this.security = security;
        this.scopes = words(token.getClaim(scopeClaim));
        this.groups = words(token.getClaim(groupsClaim));
    }

    @Override
    public String name() {
        return token.getName();
    }

    @Override
    public Set<String> groups() {
        return groups;
    }

    @Override
    public Set<String> scopes() {
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
        Set<String> scopes = new LinkedHashSet<>();
        if (claim instanceof String text) {
            scopes.addAll(Arrays.asList(text.trim().split("\\s+")));
        } else if (claim instanceof jakarta.json.JsonString text) {
            scopes.addAll(Arrays.asList(text.getString().trim().split("\\s+")));
        } else if (claim instanceof Collection<?> values) {
            values.forEach(value -> scopes.add(value instanceof jakarta.json.JsonString s ? s.getString()
                    : String.valueOf(value)));
        }
        scopes.remove("");
        return Set.copyOf(scopes);
    }
}
