package dev.portcullis.mcp.outbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * One downstream's configuration, {@code portcullis.downstream.<name>.*} (every key in src/docs/outbound.md).
 * Validation messages name keys, never values: a value may be a secret.
 */
record DownstreamSettings(
        String name,
        Mode mode,
        URI url,
        String headerName,
        Optional<String> staticToken,
        Optional<URI> issuer,
        Optional<URI> tokenEndpoint,
        Optional<String> clientId,
        Optional<String> clientSecret,
        AuthMethod authMethod,
        Optional<String> scope,
        Optional<URI> resource,
        Optional<String> audience,
        Duration refreshBefore,
        int retries,
        Duration retryBackoff,
        Duration timeout) {

    static final String PREFIX = "portcullis.downstream.";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** How the client authenticates at the token endpoint (RFC 6749 section 2.3.1). */
    enum AuthMethod {
        CLIENT_SECRET_BASIC,
        CLIENT_SECRET_POST
    }

    /** Whether the downstream has a mode at all; one without is a tool that answers with an error, not a failed start. */
    static boolean configured(Config config, String name) {
        return config.getOptionalValue(PREFIX + name + ".mode", String.class)
                .filter(v -> !v.isBlank())
                .isPresent();
    }

    static DownstreamSettings read(Config config, String name) {
        return read(key -> config.getOptionalValue(key, String.class), name);
    }

    /** The same from any key look-up (tests). */
    static DownstreamSettings read(Function<String, Optional<String>> config, String name) {
        if (!NAME.matcher(name).matches()) {
            throw new DownstreamConfigurationException("@Downstream names are 1 to 64 letters, digits, - or _");
        }
        Keys keys = new Keys(config, PREFIX + name + ".");
        Mode mode = Mode.parse(keys.required("mode"), keys.key("mode"));
        URI url = keys.uri("url").orElseThrow(() -> missing(keys.key("url")));
        String header = keys.optional("header").orElse("Authorization");
        Optional<String> token = keys.optional("token");
        Optional<URI> issuer = keys.uri("issuer");
        Optional<URI> endpoint = keys.uri("token-endpoint");
        Optional<String> clientId = keys.optional("client-id");
        Optional<String> secret = keys.optional("client-secret");
        AuthMethod method = keys.optional("auth-method")
                .map(value -> switch (value.strip()) {
                    case "client_secret_basic" -> AuthMethod.CLIENT_SECRET_BASIC;
                    case "client_secret_post" -> AuthMethod.CLIENT_SECRET_POST;
                    default ->
                        throw new DownstreamConfigurationException(
                                keys.key("auth-method") + " must be client_secret_basic or client_secret_post");
                })
                .orElse(AuthMethod.CLIENT_SECRET_BASIC);
        switch (mode) {
            case STATIC -> token.orElseThrow(() -> missing(keys.key("token")));
            case CLIENT_CREDENTIALS, TOKEN_EXCHANGE -> {
                clientId.orElseThrow(() -> missing(keys.key("client-id")));
                secret.orElseThrow(() -> missing(keys.key("client-secret")));
                if (issuer.isEmpty() && endpoint.isEmpty()) {
                    throw new DownstreamConfigurationException(
                            "set " + keys.key("issuer") + " or " + keys.key("token-endpoint"));
                }
                if (mode == Mode.TOKEN_EXCHANGE && issuer.isEmpty()) {
                    // Only the issuer's metadata tells whether it can exchange tokens (RFC 8414 grant_types_supported).
                    throw new DownstreamConfigurationException(keys.key("issuer")
                            + " is required for token-exchange: its " + "metadata must list the token-exchange grant");
                }
            }
            default -> throw new IllegalStateException();
        }
        for (String key : new String[] {"url", "issuer", "token-endpoint"}) {
            keys.uri(key).ifPresent(uri -> Hosts.requireSecure(uri, keys.key(key)));
        }
        Duration refreshBefore = keys.duration("refresh-before", Duration.ofSeconds(30));
        int retries;
        try {
            retries = Integer.parseInt(keys.optional("retries").orElse("2"));
        } catch (NumberFormatException e) {
            retries = -1;
        }
        if (retries < 0 || retries > 10) {
            throw new DownstreamConfigurationException(keys.key("retries") + " must be 0 to 10");
        }
        return new DownstreamSettings(
                name,
                mode,
                url,
                header,
                token,
                issuer,
                endpoint,
                clientId,
                secret,
                method,
                keys.optional("scope"),
                keys.uri("resource"),
                keys.optional("audience"),
                refreshBefore,
                retries,
                keys.duration("retry-backoff", Duration.ofMillis(200)),
                keys.duration("timeout", Duration.ofSeconds(10)));
    }

    private static DownstreamConfigurationException missing(String key) {
        return new DownstreamConfigurationException(key + " is not set");
    }

    /** Never prints the token or the secret. */
    @Override
    public String toString() {
        return "DownstreamSettings[" + name + ", " + (mode == null ? "unconfigured" : mode.configName()) + ", " + url
                + "]";
    }

    private record Keys(Function<String, Optional<String>> config, String prefix) {
        String key(String suffix) {
            return prefix + suffix;
        }

        Optional<String> optional(String suffix) {
            return config.apply(key(suffix)).map(String::strip).filter(v -> !v.isEmpty());
        }

        String required(String suffix) {
            return optional(suffix).orElseThrow(() -> missing(key(suffix)));
        }

        Optional<URI> uri(String suffix) {
            return optional(suffix).map(value -> {
                try {
                    URI uri = new URI(value);
                    if (!uri.isAbsolute()
                            || uri.getHost() == null
                            || uri.getRawUserInfo() != null
                            || uri.getRawFragment() != null) {
                        throw new DownstreamConfigurationException(
                                key(suffix) + " must be an absolute URL with a host");
                    }
                    return uri;
                } catch (URISyntaxException e) {
                    throw new DownstreamConfigurationException(key(suffix) + " is not a URL");
                }
            });
        }

        Duration duration(String suffix, Duration fallback) {
            try {
                Duration value = optional(suffix).map(Duration::parse).orElse(fallback);
                if (value.isNegative()) {
                    throw new DownstreamConfigurationException(key(suffix) + " must not be negative");
                }
                return value;
            } catch (DateTimeParseException e) {
                throw new DownstreamConfigurationException(key(suffix) + " must be an ISO-8601 duration such as PT30S");
            }
        }
    }
}
