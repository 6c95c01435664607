package dev.portcullis.mcp.outbound;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import dev.portcullis.mcp.api.DownstreamException;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends token requests to one downstream's token endpoint with the Nimbus OAuth SDK: client authentication
 * {@code client_secret_basic} or {@code client_secret_post} (RFC 6749 section 2.3.1), optional {@code scope} and
 * RFC 8707 {@code resource}. A 5xx answer or an I/O failure is retried with exponential backoff; an OAuth error
 * answer (RFC 6749 section 5.2) is not. Failures become {@link DownstreamException} with the error code only: the
 * {@code error_description} is the server's free text and stays out of messages.
 */
final class TokenRequests {

    private static final Logger LOG = Logger.getLogger(TokenRequests.class.getName());
    /** When the server gives no {@code expires_in} (RFC 6749 section 5.1 makes it optional). */
    static final Duration UNKNOWN_LIFETIME = Duration.ofMinutes(1);

    private final DownstreamSettings settings;
    private final URI endpoint;
    private final Clock clock;

    TokenRequests(DownstreamSettings settings, URI endpoint, Clock clock) {
        this.settings = settings;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    IssuedToken request(AuthorizationGrant grant, Map<String, List<String>> extraParameters) {
        ClientID id = new ClientID(settings.clientId().orElseThrow());
        Secret secret = new Secret(settings.clientSecret().orElseThrow());
        ClientAuthentication auth = settings.authMethod() == DownstreamSettings.AuthMethod.CLIENT_SECRET_POST
                ? new ClientSecretPost(id, secret)
                : new ClientSecretBasic(id, secret);
        TokenRequest.Builder builder = new TokenRequest.Builder(endpoint, auth, grant);
        settings.scope().map(Scope::parse).ifPresent(builder::scope);
        settings.resource().ifPresent(builder::resource);
        extraParameters.forEach((name, values) -> builder.customParameter(name, values.toArray(String[]::new)));
        TokenRequest request = builder.build();
        Duration backoff = settings.retryBackoff();
        for (int attempt = 0; ; attempt++) {
            Instant sent = clock.instant();
            HTTPResponse response;
            try {
                HTTPRequest http = request.toHTTPRequest();
                http.setConnectTimeout((int) settings.timeout().toMillis());
                http.setReadTimeout((int) settings.timeout().toMillis());
                http.setFollowRedirects(false);
                response = http.send();
            } catch (IOException e) {
                if (attempt < settings.retries()) {
                    pause(backoff);
                    backoff = backoff.multipliedBy(2);
                    continue;
                }
                throw refusal(
                        "its authorization server could not be reached",
                        "token_endpoint_unreachable:" + e.getClass().getSimpleName());
            }
            if (response.getStatusCode() >= 500 && attempt < settings.retries()) {
                pause(backoff);
                backoff = backoff.multipliedBy(2);
                continue;
            }
            return issued(response, sent);
        }
    }

    private IssuedToken issued(HTTPResponse response, Instant sent) {
        if (response.getStatusCode() >= 500) {
            throw refusal("its authorization server failed", "token_endpoint_failed:HTTP " + response.getStatusCode());
        }
        TokenResponse parsed;
        try {
            parsed = TokenResponse.parse(response);
        } catch (ParseException e) {
            throw refusal(
                    "its authorization server sent an unreadable token response",
                    "token_response_unreadable:HTTP " + response.getStatusCode());
        }
        if (!parsed.indicatesSuccess()) {
            ErrorObject error = parsed.toErrorResponse().getErrorObject();
            String code = error.getCode() == null ? "no error code" : safeCode(error.getCode());
            throw refusal("its authorization server refused the token request (" + code + ")", "token_refused:" + code);
        }
        AccessToken token = ((AccessTokenResponse) parsed).getTokens().getAccessToken();
        Duration lifetime = token.getLifetime() > 0 ? Duration.ofSeconds(token.getLifetime()) : UNKNOWN_LIFETIME;
        // Expiry counts from the request, not the answer: never later than the server meant.
        return new IssuedToken(token.getValue(), sent.plus(lifetime), lifetime);
    }

    /** RFC 6749 section 5.2: error codes are %x20-21 / %x23-5B / %x5D-7E; anything else is not echoed. */
    private static String safeCode(String code) {
        return code.matches("[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]{1,64}") ? code : "invalid error code";
    }

    /**
     * The failure as the tool result says it ({@code reason}, general terms) and as the log and the audit trail
     * record it ({@code code}: an OAuth error code, an HTTP status or an exception class, never a token or secret).
     */
    private DownstreamException refusal(String reason, String code) {
        LOG.log(Level.WARNING, "Outbound credentials: no token for downstream {0} ({1})", new Object[] {
            settings.name(), code
        });
        return new DownstreamException(
                settings.name(),
                code,
                "No access token for the downstream API '" + settings.name() + "': " + reason + ".");
    }

    private void pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownstreamException(
                    settings.name(), "interrupted", "Interrupted while waiting for a downstream token.");
        }
    }
}
