package dev.portcullis.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The authorization server's settings ({@code portcullis.oauth.*}), read through MicroProfile Config on every
 * call so that a changed server.xml variable takes effect without a restart. Defaults are in
 * {@code META-INF/microprofile-config.properties}; src/docs/authorization-server.md explains each one.
 */
@ApplicationScoped
public class AuthServerConfig {

    /** The issuer identifier ({@link Setting#ISSUER}). */
    public String issuer() {
        return string(Setting.ISSUER.key()).orElseThrow().trim();
    }

    /** Extra scopes, space-separated, on top of the built-in ones ({@code portcullis.oauth.scopes}). */
    public List<String> scopes() {
        return words(string("portcullis.oauth.scopes").orElse(""));
    }

    /** When set, registration needs this bearer token ({@code portcullis.oauth.registration.initial-access-token}). */
    public Optional<String> initialAccessToken() {
        return string("portcullis.oauth.registration.initial-access-token")
                .map(String::trim)
                .filter(t -> !t.isEmpty());
    }

    /**
     * The scopes a client that registers without {@code scope} is registered with
     * ({@code portcullis.oauth.registration.default-scopes}, default {@code pets:read}): least privilege, never every
     * supported scope.
     */
    public List<String> registrationDefaultScopes() {
        return words(string("portcullis.oauth.registration.default-scopes")
                .orElse("pets:read")
                .replace(',', ' '));
    }

    /**
     * The ceiling for clients registered with the initial access token for {@code client_credentials}
     * ({@code portcullis.oauth.registration.machine-client-scopes}, default none): such a client gets the scopes it
     * registered that are also listed here.
     */
    public List<String> registeredMachineClientScopes() {
        return words(string("portcullis.oauth.registration.machine-client-scopes")
                .orElse("")
                .replace(',', ' '));
    }

    /** The ids of operator-provisioned machine clients ({@code portcullis.oauth.machine-clients}, comma-separated). */
    public List<String> machineClientIds() {
        return words(string("portcullis.oauth.machine-clients").orElse("").replace(',', ' '));
    }

    /** One setting of provisioned machine client {@code id}: {@code portcullis.oauth.machine-client.<id>.<setting>}. */
    public Optional<String> machineClientSetting(String id, String setting) {
        return string("portcullis.oauth.machine-client." + id + "." + setting)
                .map(String::trim)
                .filter(v -> !v.isEmpty());
    }

    /** Registrations allowed per client software per window ({@code portcullis.oauth.registration.rate-limit}). */
    public int registrationRateLimit() {
        return integer("portcullis.oauth.registration.rate-limit", 60);
    }

    /** The rate limit's window ({@code portcullis.oauth.registration.rate-window}, ISO-8601, default PT1M). */
    public Duration registrationRateWindow() {
        return duration("portcullis.oauth.registration.rate-window", Duration.ofMinutes(1));
    }

    /**
     * Largest request body of the authorization server's form endpoints ({@code /oauth/authorize},
     * {@code /oauth/consents} ...), in bytes, counted before anything is buffered
     * ({@code portcullis.oauth.max-form-bytes}, default 65536).
     */
    public int maxFormBytes() {
        return Math.max(1, integer("portcullis.oauth.max-form-bytes", 65_536));
    }

    /** Private-use redirect schemes: {@code reverse-domain} (default), {@code any} or {@code none}. */
    public String privateUseSchemes() {
        return string("portcullis.oauth.registration.private-use-schemes")
                .orElse("reverse-domain")
                .trim();
    }

    /** The default of {@link #knownPrivateUseRedirects()}: Cursor's callback, whose scheme has no dot. */
    public static final String KNOWN_PRIVATE_USE_REDIRECTS_DEFAULT = "cursor://anysphere.cursor-mcp/oauth/callback";

    /**
     * Exact private-use redirect URIs of known clients that register even though their scheme has no dot
     * ({@code portcullis.oauth.registration.known-private-use-redirects}, whitespace- or comma-separated, default
     * {@value #KNOWN_PRIVATE_USE_REDIRECTS_DEFAULT}; {@code none} for no exceptions). Only exact matches pass: the
     * rest of the scheme stays closed.
     */
    public List<String> knownPrivateUseRedirects() {
        List<String> uris = words(string("portcullis.oauth.registration.known-private-use-redirects")
                .orElse(KNOWN_PRIVATE_USE_REDIRECTS_DEFAULT)
                .replace(',', ' '));
        return uris.equals(List.of("none")) ? List.of() : uris;
    }

    /** How long an issued client secret is valid; zero means it never expires. */
    public Duration clientSecretLifetime() {
        return duration("portcullis.oauth.client-secret.lifetime", Duration.ZERO);
    }

    /** PBKDF2 iterations for client secrets ({@code portcullis.oauth.client-secret.hash-iterations}). */
    public int clientSecretHashIterations() {
        return Math.max(1_000, integer("portcullis.oauth.client-secret.hash-iterations", 10_000));
    }

    /** Base64 AES key (128/192/256 bit) that encrypts private signing keys; empty means use the key file. */
    public Optional<String> keyEncryptionKey() {
        return string("portcullis.oauth.keys.encryption-key").map(String::trim).filter(k -> !k.isEmpty());
    }

    /** Where the generated key-encryption key lives when none is configured. */
    public String keyEncryptionKeyFile() {
        return string("portcullis.oauth.keys.encryption-key-file").orElse("resources/security/portcullis-kek.bin");
    }

    /** A PKCS#12 keystore holding the signing key; when set, no key is generated. */
    public Optional<String> keystore() {
        return string("portcullis.oauth.keys.keystore").map(String::trim).filter(k -> !k.isEmpty());
    }

    public String keystorePassword() {
        return string("portcullis.oauth.keys.keystore-password").orElse("");
    }

    public Optional<String> keystoreAlias() {
        return string("portcullis.oauth.keys.keystore-alias").map(String::trim).filter(k -> !k.isEmpty());
    }

    /** The active key is replaced at start-up once it is older than this. */
    public Duration signingKeyMaxAge() {
        return duration("portcullis.oauth.keys.max-age", Duration.ofDays(90));
    }

    /** The active key is replaced at start-up if it was created before this instant (a one-off rotation). */
    public Optional<Instant> rotateKeysCreatedBefore() {
        return string("portcullis.oauth.keys.rotate-before")
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .map(Instant::parse);
    }

    /**
     * How often each server reloads the signing keys from the database, default PT1M: the longest time before a key
     * another server rotated in is published and used here (src/docs/scale-out.md).
     */
    public Duration signingKeyRefreshInterval() {
        return duration("portcullis.oauth.keys.refresh-interval", Duration.ofMinutes(1));
    }

    /** How long a retired key stays in the JWKS: at least the longest token lifetime. */
    public Duration retiredKeyRetention() {
        return duration("portcullis.oauth.keys.retention", Duration.ofDays(1));
    }

    /** The MCP endpoint's URL ({@link Setting#MCP_RESOURCE}): the only {@code resource}, and every access token's {@code aud}. */
    public String mcpResource() {
        return string(Setting.MCP_RESOURCE.key()).orElseThrow().trim();
    }

    /** Lifetime of access tokens ({@code portcullis.oauth.access-token.lifetime}, default PT1H). */
    public Duration accessTokenLifetime() {
        return duration("portcullis.oauth.access-token.lifetime", Duration.ofHours(1));
    }

    /** The longest lifetime a user may give a personal access token ({@code portcullis.oauth.personal-token.max-lifetime}). */
    public Duration personalTokenMaxLifetime() {
        return duration("portcullis.oauth.personal-token.max-lifetime", Duration.ofDays(90));
    }

    /**
     * Idle lifetime of a refresh token: each one expires this long after its issue unless used
     * ({@code portcullis.oauth.refresh-token.idle-lifetime}, default P14D). The former key
     * {@code portcullis.oauth.refresh-token.lifetime} is still read when the new one is not set.
     */
    public Duration refreshTokenIdleLifetime() {
        return string("portcullis.oauth.refresh-token.idle-lifetime")
                .or(() -> string("portcullis.oauth.refresh-token.lifetime"))
                .map(String::trim)
                .map(Duration::parse)
                .orElse(Duration.ofDays(14));
    }

    /**
     * Absolute lifetime of a token family from its start, the code redemption right after the login
     * ({@code portcullis.oauth.refresh-token.absolute-lifetime}, default P30D): no refresh token outlives it.
     */
    public Duration refreshTokenAbsoluteLifetime() {
        return duration("portcullis.oauth.refresh-token.absolute-lifetime", Duration.ofDays(30));
    }

    /** How long a rotated refresh token may still be used (concurrent refresh), default PT30S. */
    public Duration refreshTokenReuseGrace() {
        return duration("portcullis.oauth.refresh-token.reuse-grace", Duration.ofSeconds(30));
    }

    /** How often each server reloads revoked access tokens and families from the database, default PT5S. */
    public Duration revocationRefreshInterval() {
        return duration("portcullis.oauth.revocation.refresh-interval", Duration.ofSeconds(5));
    }

    /** How long a verified client secret is remembered (SHA-256 of it, in memory), default PT5M; PT0S turns it off. */
    public Duration verifiedSecretCacheLifetime() {
        return duration("portcullis.oauth.client-secret.verified-cache", Duration.ofMinutes(5));
    }

    /** CIMD: hosts (or host:port) exempt from the SSRF guard. For tests only; empty by default. */
    public List<String> metadataDocumentTestAllowList() {
        return words(string("portcullis.oauth.cimd.test-allow-hosts").orElse("").replace(',', ' '));
    }

    /** CIMD: a PEM file of extra certificates to trust when fetching documents (tests); empty by default. */
    public Optional<String> metadataDocumentTrustedCertificates() {
        return string("portcullis.oauth.cimd.trusted-certificates")
                .map(String::trim)
                .filter(v -> !v.isEmpty());
    }

    /**
     * The inspector's try-a-tool calls this server's public MCP URL itself: a PEM file of extra certificates to trust
     * for that call, for a server whose certificate the JDK's CAs do not vouch for (a development or internal CA);
     * empty by default ({@code portcullis.console.inspector.trusted-certificates}).
     */
    public Optional<String> inspectorTrustedCertificates() {
        return string("portcullis.console.inspector.trusted-certificates")
                .map(String::trim)
                .filter(v -> !v.isEmpty());
    }

    /** CIMD: the whole fetch of a document, redirects included, ends within this ({@code portcullis.oauth.cimd.fetch-timeout}, default PT5S). */
    public Duration metadataDocumentFetchTimeout() {
        return duration("portcullis.oauth.cimd.fetch-timeout", Duration.ofSeconds(5));
    }

    /** CIMD: concurrent fetches against one host:port ({@code portcullis.oauth.cimd.max-fetches-per-host}, default 2). */
    public int metadataDocumentMaxFetchesPerHost() {
        return integer("portcullis.oauth.cimd.max-fetches-per-host", 2);
    }

    /** CIMD: concurrent fetches in all ({@code portcullis.oauth.cimd.max-fetches}, default 8: the fetch executor's threads). */
    public int metadataDocumentMaxFetches() {
        return integer("portcullis.oauth.cimd.max-fetches", 8);
    }

    /** CIMD: how long a failed document is refused without a new fetch ({@code portcullis.oauth.cimd.failure-cache}, default PT1M). */
    public Duration metadataDocumentFailureCache() {
        return duration("portcullis.oauth.cimd.failure-cache", Duration.ofMinutes(1));
    }

    /** Wrong client secrets from one address before it has to wait ({@code portcullis.oauth.client-auth.failures-before-backoff}, default 5). */
    public int clientAuthFailuresBeforeBackoff() {
        return integer("portcullis.oauth.client-auth.failures-before-backoff", 5);
    }

    /** The longest wait after wrong client secrets ({@code portcullis.oauth.client-auth.max-backoff}, default PT10S). */
    public Duration clientAuthMaxBackoff() {
        return duration("portcullis.oauth.client-auth.max-backoff", Duration.ofSeconds(10));
    }

    /** A registered client that obtained no token within this of its registration is removed ({@code portcullis.oauth.client.never-used-lifetime}, default PT24H; PT0S: never). */
    public Duration clientNeverUsedLifetime() {
        return duration("portcullis.oauth.client.never-used-lifetime", Duration.ofHours(24));
    }

    /** A registered client whose last token is older than this is removed with its grants ({@code portcullis.oauth.client.unused-lifetime}, default P90D; PT0S: never). */
    public Duration clientUnusedLifetime() {
        return duration("portcullis.oauth.client.unused-lifetime", Duration.ofDays(90));
    }

    private static Config config() {
        return ConfigProvider.getConfig(AuthServerConfig.class.getClassLoader());
    }

    private static Optional<String> string(String key) {
        return config().getOptionalValue(key, String.class);
    }

    private static int integer(String key, int fallback) {
        return string(key).map(String::trim).map(Integer::parseInt).orElse(fallback);
    }

    private static Duration duration(String key, Duration fallback) {
        return string(key).map(String::trim).map(Duration::parse).orElse(fallback);
    }

    private static List<String> words(String value) {
        return Arrays.stream(value.trim().split("\\s+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }
}
