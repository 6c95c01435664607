package dev.portcullis.mcp.outbound;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.token.TokenTypeURI;
import com.nimbusds.oauth2.sdk.token.TypelessAccessToken;
import com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant;
import dev.portcullis.mcp.api.AccessTokens;
import dev.portcullis.mcp.api.Caller;
import dev.portcullis.mcp.api.DownstreamException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link AccessTokens} of one downstream, in its configured {@link Mode}. Client-credentials tokens are cached under
 * one key, exchanged tokens per caller (issuer and subject; the scope is the downstream's, so per scope too).
 */
final class DownstreamTokens implements AccessTokens {

    private static final String BEARER = "Bearer ";
    private static final String OWN_TOKEN = "";

    private final DownstreamSettings settings;
    private final TokenRequests requests;
    private final TokenCache<String> cache;

    private DownstreamTokens(DownstreamSettings settings, TokenRequests requests, Clock clock) {
        this.settings = settings;
        this.requests = requests;
        this.cache = new TokenCache<>(settings.refreshBefore(), clock);
    }

    /**
     * Reads the configuration and, for the OAuth modes, the token endpoint; refuses token exchange where the issuer's
     * metadata does not offer it (RFC 8693 needs the authorization server's support).
     */
    static DownstreamTokens create(DownstreamSettings settings, Clock clock) {
        if (settings.mode() == Mode.STATIC) {
            return new DownstreamTokens(settings, null, clock);
        }
        TokenEndpoint endpoint = TokenEndpoint.of(settings);
        if (settings.mode() == Mode.TOKEN_EXCHANGE && !endpoint.exchangeAdvertised()) {
            throw new DownstreamConfigurationException(DownstreamSettings.PREFIX + settings.name() + ".mode is "
                    + "token-exchange, but the metadata of " + settings.issuer().orElseThrow()
                    + " does not list the grant "
                    + "urn:ietf:params:oauth:grant-type:token-exchange (RFC 8693): this authorization server cannot "
                    + "act on the user's behalf this way");
        }
        return new DownstreamTokens(settings, new TokenRequests(settings, endpoint.uri(), clock), clock);
    }

    /** A downstream without configuration: every call is a tool error naming the key to set. */
    static DownstreamTokens unconfigured(String name, Clock clock) {
        return new DownstreamTokens(
                new DownstreamSettings(
                        name,
                        null,
                        URI.create("https://unconfigured.invalid"),
                        "Authorization",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        DownstreamSettings.AuthMethod.CLIENT_SECRET_BASIC,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Duration.ZERO,
                        0,
                        Duration.ZERO,
                        Duration.ZERO),
                null,
                clock);
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public String headerName() {
        return settings.headerName();
    }

    @Override
    public String current() {
        if (settings.mode() == null) {
            throw notConfigured();
        }
        return switch (settings.mode()) {
            case STATIC -> header(settings.staticToken().orElseThrow());
            case CLIENT_CREDENTIALS ->
                header(cache.get(OWN_TOKEN, () -> requests.request(new ClientCredentialsGrant(), Map.of()))
                        .value());
            case TOKEN_EXCHANGE ->
                throw new DownstreamException(
                        settings.name(),
                        "caller_required",
                        "The downstream API '" + settings.name() + "' is called on behalf of the user only.");
        };
    }

    @Override
    public String onBehalfOf(Caller caller) {
        if (settings.mode() == null) {
            throw notConfigured();
        }
        if (settings.mode() != Mode.TOKEN_EXCHANGE) {
            return current();
        }
        if (!(caller instanceof PresentingCaller presenting) || caller.anonymous()) {
            throw new DownstreamException(
                    settings.name(),
                    "caller_required",
                    "The downstream API '" + settings.name() + "' needs a signed-in caller.");
        }
        String subject = presenting.presentedToken().value();
        String key = caller.claim("iss").map(String::valueOf).orElse("") + "\n" + caller.name();
        String token = cache.get(key, () -> requests.request(exchange(subject), Map.of()))
                .value();
        if (token.equals(subject)) {
            // An authorization server that echoes the subject token would turn exchange into passthrough.
            cache.drop(token);
            throw new DownstreamException(
                    settings.name(),
                    "subject_token_returned",
                    "The authorization server of the downstream API '" + settings.name()
                            + "' returned the caller's own token; it is not forwarded.");
        }
        return header(token);
    }

    @Override
    public void rejected(String headerValue) {
        if (headerValue != null) {
            cache.drop(
                    headerValue.startsWith(BEARER) && isAuthorization()
                            ? headerValue.substring(BEARER.length())
                            : headerValue);
        }
    }

    /** The exchange request of RFC 8693 section 2.1: the caller's token as subject, an access token requested. */
    private TokenExchangeGrant exchange(String subject) {
        List<Audience> audience =
                settings.audience().map(value -> List.of(new Audience(value))).orElse(null);
        return new TokenExchangeGrant(
                new TypelessAccessToken(subject),
                TokenTypeURI.ACCESS_TOKEN,
                null,
                null,
                TokenTypeURI.ACCESS_TOKEN,
                audience);
    }

    private DownstreamException notConfigured() {
        return new DownstreamException(
                settings.name(),
                "not_configured",
                "The downstream API '" + settings.name() + "' is not configured on this server.");
    }

    private String header(String token) {
        return isAuthorization() ? BEARER + token : token;
    }

    private boolean isAuthorization() {
        return settings.headerName().equalsIgnoreCase("Authorization");
    }

    /** The downstream's configured base URL: the only origin its client sends the header to. */
    URI url() {
        return settings.url();
    }

    @Override
    public String toString() {
        return "AccessTokens[" + settings.name() + "]";
    }
}
