package dev.portcullis.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The authorization endpoint's settings ({@code portcullis.oauth.code.*}, {@code portcullis.oauth.consent.*},
 * {@code portcullis.oauth.authorize.*}), read on every call like {@link AuthServerConfig}. Their forms are checked
 * at start-up by {@link AuthServerSettings}; src/docs/authorization-server.md explains each one.
 */
@ApplicationScoped
public class AuthorizeConfig {

    /** The longest code lifetime allowed (OAuth 2.1 section 4.1.2 recommends short-lived codes). */
    public static final Duration MAX_CODE_LIFETIME = Duration.ofSeconds(60);

    /** How long an authorization code is valid ({@code portcullis.oauth.code.lifetime}, default and maximum PT60S). */
    public Duration codeLifetime() {
        Duration configured = string("portcullis.oauth.code.lifetime")
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .map(Duration::parse)
                .orElse(MAX_CODE_LIFETIME);
        return configured.compareTo(MAX_CODE_LIFETIME) > 0 || configured.isNegative() || configured.isZero()
                ? MAX_CODE_LIFETIME
                : configured;
    }

    /** Whether approvals are remembered per user, client and scope set ({@code portcullis.oauth.consent.remember}). */
    public boolean rememberConsent() {
        return string("portcullis.oauth.consent.remember")
                .map(String::trim)
                .map(Boolean::parseBoolean)
                .orElse(true);
    }

    /** The HMAC key of the consent forms' CSRF tokens ({@code portcullis.oauth.authorize.form-key}, base64). */
    public Optional<byte[]> formKey() {
        return string("portcullis.oauth.authorize.form-key")
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .map(Base64.getDecoder()::decode);
    }

    /** The realm groups a login may carry into tokens, when {@code portcullis.oauth.realm-groups} is not set. */
    public static final List<String> DEFAULT_REALM_GROUPS = List.of("mcp-users", "mcp-admins", "portcullis-admins");

    /**
     * The realm groups the authorization server asks the realm about for a logged-in user
     * ({@code portcullis.oauth.realm-groups}, comma-separated): the user's {@code groups} in the tokens are those of
     * them the user is in. Jakarta EE can only answer "is this user in role X" for a named role, never list a user's
     * groups, so the names must be known.
     */
    public List<String> realmGroups() {
        List<String> names = string("portcullis.oauth.realm-groups").stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .distinct()
                .toList();
        return names.isEmpty() ? DEFAULT_REALM_GROUPS : names;
    }

    /** The MCP resource ({@link Setting#MCP_RESOURCE}): the only {@code resource} authorization requests may name. */
    public String mcpResource() {
        return string(Setting.MCP_RESOURCE.key()).orElseThrow().trim();
    }

    private static Optional<String> string(String key) {
        return ConfigProvider.getConfig(AuthorizeConfig.class.getClassLoader()).getOptionalValue(key, String.class);
    }
}
