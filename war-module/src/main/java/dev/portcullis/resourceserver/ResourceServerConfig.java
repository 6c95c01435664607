package dev.portcullis.resourceserver;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How {@code /mcp} is protected. The token checks themselves are MicroProfile JWT's ({@code <mpJwt>} in
 * {@code includes/mcp-tokens.xml}); these are the settings the application needs besides them. Each is read once, on
 * first use: several are needed on every {@code /mcp} request, and configuration does not change while running.
 */
@ApplicationScoped
public class ResourceServerConfig {

    private final Map<String, Object> read = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    private <T> T once(String setting, Supplier<T> value) {
        return (T) read.computeIfAbsent(setting, k -> value.get());
    }

    /** {@code portcullis.mcp.auth}: {@code oauth} (bearer tokens required) or {@code open} (development only). */
    public boolean open() {
        return once(
                "open",
                () -> "open"
                        .equals(string("portcullis.mcp.auth")
                                .map(v -> v.strip().toLowerCase(Locale.ROOT))
                                .orElse("oauth")));
    }

    /** The canonical MCP endpoint URL: the PRM {@code resource} and the tokens' audience (RFC 8707). */
    public String resource() {
        return once(
                "resource",
                () -> string("portcullis.mcp.resource").orElseThrow().strip());
    }

    /**
     * The issuer whose tokens {@code /mcp} trusts: {@code portcullis.token.issuer} when set (external-IdP mode),
     * else the built-in authorization server's {@code portcullis.issuer}.
     */
    public String trustedIssuer() {
        return once(
                "trustedIssuer",
                () -> string("portcullis.token.issuer")
                        .map(String::strip)
                        .filter(v -> !v.isEmpty())
                        .orElseGet(
                                () -> string("portcullis.issuer").orElseThrow().strip()));
    }

    /**
     * The JOSE {@code typ} values accepted at {@code /mcp}: {@code at+jwt} for the built-in issuer; for an external
     * issuer ({@code portcullis.token.issuer} other than {@code portcullis.issuer}; server.xml defaults the one to the
     * other) {@code portcullis.token.type}, space- or comma-separated, default
     * {@code at+jwt}, empty for any.
     */
    /** Whether {@code /mcp} trusts the built-in authorization server (whose signing keys are at hand), not an external IdP. */
    public boolean builtInIssuer() {
        String trusted = trustedIssuer();
        return once(
                "builtInIssuer",
                () -> trusted.equals(string("portcullis.issuer").orElseThrow().strip()));
    }

    public AccessTokenTypes tokenTypes() {
        String trusted = trustedIssuer(); // outside once(), like metadataUrl()
        return once(
                "tokenTypes",
                () -> trusted.equals(string("portcullis.issuer").orElseThrow().strip())
                        ? AccessTokenTypes.builtIn()
                        : AccessTokenTypes.external(string("portcullis.token.type")
                                .map(v -> Arrays.stream(v.trim().split("[\\s,]+"))
                                        .filter(t -> !t.isEmpty())
                                        .toList())
                                .orElse(List.of(AccessTokenTypes.AT_JWT))));
    }

    /** The claim that holds the granted scopes: {@code scope} (RFC 9068), or e.g. {@code scp} for Entra ID. */
    public String scopeClaim() {
        return once(
                "scopeClaim",
                () -> string("portcullis.token.scope.claim")
                        .map(String::strip)
                        .filter(v -> !v.isEmpty())
                        .orElse("scope"));
    }

    /** The claim that holds the groups (MicroProfile JWT's {@code groupNameAttribute}): {@code groups} by default. */
    public String groupsClaim() {
        return once(
                "groupsClaim",
                () -> string("portcullis.token.groups.claim")
                        .map(String::strip)
                        .filter(v -> !v.isEmpty())
                        .orElse("groups"));
    }

    /** The scopes a 401 challenge asks for first (space-separated); empty to let clients use {@code scopes_supported}. */
    public List<String> challengeScopes() {
        return once(
                "challengeScopes",
                () -> string("portcullis.mcp.challenge-scopes")
                        .map(v -> Arrays.stream(v.trim().split("[\\s,]+"))
                                .filter(s -> !s.isEmpty())
                                .toList())
                        .orElse(List.of()));
    }

    /** Where the Protected Resource Metadata of {@link #resource()} lives (RFC 9728 section 3.1). */
    public String metadataUrl() {
        String configured = resource(); // outside once(): the map must not be updated from inside its own update
        return once("metadataUrl", () -> {
            URI resource = URI.create(configured);
            String path = resource.getRawPath() == null ? "" : resource.getRawPath();
            return resource.getScheme() + "://" + resource.getRawAuthority() + "/.well-known/oauth-protected-resource"
                    + (path.equals("/") ? "" : path);
        });
    }

    private static Optional<String> string(String name) {
        Config config = ConfigProvider.getConfig(ResourceServerConfig.class.getClassLoader());
        return config.getOptionalValue(name, String.class);
    }
}
