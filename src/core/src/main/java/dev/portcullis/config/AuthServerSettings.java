package dev.portcullis.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The optional {@code portcullis.oauth.*} settings and the form each must have. Start-up checks them all, so a
 * malformed value stops the deployment with one line instead of failing requests later.
 */
public final class AuthServerSettings {

    private static final Map<String, String> FORMS = Map.ofEntries(
            Map.entry("portcullis.oauth.registration.rate-limit", "a positive integer"),
            Map.entry("portcullis.oauth.registration.rate-window", "an ISO-8601 duration such as PT1M"),
            Map.entry("portcullis.oauth.registration.private-use-schemes", "reverse-domain, any or none"),
            Map.entry(
                    "portcullis.oauth.registration.known-private-use-redirects",
                    "none, or absolute private-use URIs (not http, https, javascript, data, file or vbscript) without a fragment, space- or comma-separated"),
            Map.entry(
                    "portcullis.oauth.client-secret.lifetime", "an ISO-8601 duration such as P365D, or PT0S for never"),
            Map.entry("portcullis.oauth.client-secret.hash-iterations", "a positive integer"),
            Map.entry("portcullis.oauth.keys.max-age", "an ISO-8601 duration such as P90D"),
            Map.entry("portcullis.oauth.keys.retention", "an ISO-8601 duration such as P1D"),
            Map.entry("portcullis.oauth.keys.refresh-interval", "a positive ISO-8601 duration such as PT1M"),
            Map.entry("portcullis.oauth.access-token.lifetime", "a positive ISO-8601 duration such as PT1H"),
            Map.entry("portcullis.oauth.personal-token.max-lifetime", "a positive ISO-8601 duration such as P90D"),
            Map.entry("portcullis.oauth.refresh-token.lifetime", "a positive ISO-8601 duration such as P14D"),
            Map.entry("portcullis.oauth.refresh-token.idle-lifetime", "a positive ISO-8601 duration such as P14D"),
            Map.entry("portcullis.oauth.refresh-token.absolute-lifetime", "a positive ISO-8601 duration such as P30D"),
            Map.entry(
                    "portcullis.oauth.refresh-token.reuse-grace",
                    "an ISO-8601 duration such as PT30S, or PT0S for none"),
            Map.entry("portcullis.oauth.revocation.refresh-interval", "a positive ISO-8601 duration such as PT5S"),
            Map.entry(
                    "portcullis.oauth.client-secret.verified-cache",
                    "an ISO-8601 duration such as PT5M, or PT0S for none"),
            Map.entry("portcullis.oauth.keys.rotate-before", "an ISO-8601 instant such as 2026-01-31T12:00:00Z"),
            Map.entry("portcullis.oauth.code.lifetime", "an ISO-8601 duration from PT1S to PT60S"),
            Map.entry("portcullis.oauth.consent.remember", "true or false"),
            Map.entry("portcullis.oauth.authorize.form-key", "a base64 key of at least 32 bytes"),
            Map.entry("portcullis.oauth.cimd.fetch-timeout", "a positive ISO-8601 duration such as PT5S"),
            Map.entry("portcullis.oauth.cimd.max-fetches-per-host", "a positive integer"),
            Map.entry("portcullis.oauth.cimd.max-fetches", "a positive integer"),
            Map.entry("portcullis.oauth.cimd.failure-cache", "an ISO-8601 duration such as PT1M, or PT0S for none"),
            Map.entry("portcullis.oauth.client-auth.failures-before-backoff", "a positive integer"),
            Map.entry("portcullis.oauth.client-auth.max-backoff", "a positive ISO-8601 duration such as PT10S"),
            Map.entry(
                    "portcullis.oauth.client.never-used-lifetime",
                    "an ISO-8601 duration such as PT24H, or PT0S for never"),
            Map.entry(
                    "portcullis.oauth.client.unused-lifetime", "an ISO-8601 duration such as P90D, or PT0S for never"));

    /** Durations where zero makes no sense (a token that expires when issued, a reload loop). */
    private static final Set<String> POSITIVE_DURATIONS = Set.of(
            "portcullis.oauth.access-token.lifetime",
            "portcullis.oauth.personal-token.max-lifetime",
            "portcullis.oauth.refresh-token.lifetime",
            "portcullis.oauth.refresh-token.idle-lifetime",
            "portcullis.oauth.refresh-token.absolute-lifetime",
            "portcullis.oauth.revocation.refresh-interval",
            "portcullis.oauth.cimd.fetch-timeout",
            "portcullis.oauth.client-auth.max-backoff",
            "portcullis.oauth.keys.refresh-interval");

    private AuthServerSettings() {}

    /** Machine client ids are plain tokens: never an https URL (those are metadata documents), at most 64 characters. */
    private static final Pattern MACHINE_CLIENT_ID = Pattern.compile("[A-Za-z0-9._~-]{1,64}");
    /** The stored-secret format of {@code dev.portcullis.oauth.keys.Secrets}: PBKDF2, 256-bit hash, base64url. */
    private static final Pattern SECRET_HASH =
            Pattern.compile("pbkdf2-sha256\\$[1-9][0-9]{3,8}\\$[A-Za-z0-9_-]{16,}\\$[A-Za-z0-9_-]{43}");
    /** The token endpoint authentication methods a provisioned machine client may use. */
    public static final Set<String> MACHINE_CLIENT_AUTH_METHODS = Set.of("client_secret_basic", "client_secret_post");

    /** One message per malformed setting; {@code lookup} gives a setting's value, if any. */
    public static List<String> problems(Function<String, Optional<String>> lookup) {
        List<String> problems = new ArrayList<>();
        FORMS.keySet().stream()
                .sorted()
                .forEach(key -> lookup.apply(key)
                        .map(String::trim)
                        .filter(v -> !v.isEmpty())
                        .filter(value -> !valid(key, value))
                        .ifPresent(value -> problems.add(
                                "setting " + key + " is '" + value + "' but must be " + FORMS.get(key) + ".")));
        problems.addAll(machineClientProblems(lookup));
        return problems;
    }

    /** What is wrong with the provisioned machine clients' settings; never echoes a secret hash. */
    static List<String> machineClientProblems(Function<String, Optional<String>> lookup) {
        List<String> problems = new ArrayList<>();
        String ids = lookup.apply("portcullis.oauth.machine-clients").orElse("");
        for (String id : ids.replace(',', ' ').trim().split("\\s+")) {
            if (id.isEmpty()) {
                continue;
            }
            if (!isMachineClientId(id)) {
                problems.add("setting portcullis.oauth.machine-clients names '" + id.replaceAll("[^\\x21-\\x7e]", "?")
                        + "' but ids must be 1 to 64 of A-Z a-z 0-9 . _ ~ -.");
                continue;
            }
            String prefix = "portcullis.oauth.machine-client." + id + ".";
            if (!lookup.apply(prefix + "secret-hash")
                    .map(String::trim)
                    .filter(AuthServerSettings::isSecretHash)
                    .isPresent()) {
                problems.add("setting " + prefix
                        + "secret-hash must be pbkdf2-sha256$<iterations>$<base64url salt>$<base64url"
                        + " 32-byte hash> (src/docs/authorization-server.md).");
            }
            lookup.apply(prefix + "auth-method")
                    .map(String::trim)
                    .filter(m -> !m.isEmpty())
                    .filter(m -> !MACHINE_CLIENT_AUTH_METHODS.contains(m))
                    .ifPresent(m -> problems.add("setting " + prefix + "auth-method is '" + m
                            + "' but must be client_secret_basic or client_secret_post."));
        }
        return problems;
    }

    public static boolean isMachineClientId(String id) {
        return id != null && MACHINE_CLIENT_ID.matcher(id).matches();
    }

    /** An exact known-client redirect URI: absolute, a private-use scheme, no fragment (RFC 8252 section 7.1). */
    static boolean isPrivateUseUri(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return !scheme.isEmpty()
                    && uri.getRawFragment() == null
                    && !Set.of("http", "https", "javascript", "data", "file", "vbscript")
                            .contains(scheme);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    public static boolean isSecretHash(String hash) {
        return hash != null && SECRET_HASH.matcher(hash).matches();
    }

    static boolean valid(String key, String value) {
        try {
            if (key.endsWith("rate-limit")
                    || key.endsWith("hash-iterations")
                    || key.endsWith("max-fetches-per-host")
                    || key.endsWith("max-fetches")
                    || key.endsWith("failures-before-backoff")) {
                return Integer.parseInt(value) > 0;
            }
            if (key.endsWith("known-private-use-redirects")) {
                return "none".equals(value)
                        || Arrays.stream(value.replace(',', ' ').trim().split("\\s+"))
                                .allMatch(AuthServerSettings::isPrivateUseUri);
            }
            if (key.endsWith("private-use-schemes")) {
                return Set.of("reverse-domain", "any", "none").contains(value);
            }
            if (key.endsWith("code.lifetime")) {
                Duration lifetime = Duration.parse(value);
                return !lifetime.isNegative()
                        && !lifetime.isZero()
                        && lifetime.compareTo(AuthorizeConfig.MAX_CODE_LIFETIME) <= 0;
            }
            if (key.endsWith("consent.remember")) {
                return "true".equals(value) || "false".equals(value);
            }
            if (key.endsWith("form-key")) {
                return Base64.getDecoder().decode(value).length >= 32;
            }
            if (key.endsWith("rotate-before")) {
                Instant.parse(value);
                return true;
            }
            Duration duration = Duration.parse(value);
            return POSITIVE_DURATIONS.contains(key)
                    ? !duration.isNegative() && !duration.isZero()
                    : !duration.isNegative();
        } catch (IllegalArgumentException | DateTimeException e) {
            return false;
        }
    }
}
