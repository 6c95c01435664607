package dev.portcullis.oauth.authorize;

import static dev.portcullis.oauth.error.OAuthErrorCodes.INVALID_REQUEST;
import static dev.portcullis.oauth.error.OAuthErrorCodes.INVALID_SCOPE;
import static dev.portcullis.oauth.error.OAuthErrorCodes.INVALID_TARGET;
import static dev.portcullis.oauth.error.OAuthErrorCodes.UNAUTHORIZED_CLIENT;
import static dev.portcullis.oauth.error.OAuthErrorCodes.UNSUPPORTED_RESPONSE_TYPE;

import dev.portcullis.config.AuthorizeConfig;
import dev.portcullis.oauth.client.ClientResolver;
import dev.portcullis.oauth.client.DisabledClients;
import dev.portcullis.oauth.error.OAuthErrorCodes;
import dev.portcullis.oauth.grant.Pkce;
import dev.portcullis.oauth.grant.ResourceIndicator;
import dev.portcullis.oauth.metadata.SupportedScopes;
import dev.portcullis.oauth.model.RegisteredClient;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks an authorization request in the order the specifications require: client and redirect URI first
 * ({@link UntrustedRedirectException}: no redirect), then everything else ({@link AuthorizationErrorException}:
 * sent to the redirect URI).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1">RFC 6749 section 4.1.2.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636#section-4.4.1">RFC 7636 section 4.4.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8707#section-2">RFC 8707 section 2</a>
 */
@ApplicationScoped
public class AuthorizationRequestValidator {

    @Inject
    private ClientResolver clients;

    @Inject
    private SupportedScopes supportedScopes;

    @EJB
    private DisabledClients disabled;

    @Inject
    private AuthorizeConfig config;

    /** The client and redirect URI, or why the endpoint must not redirect. */
    public CheckedClient checkClient(AuthorizationRequest request) {
        if (request.repeated().contains("client_id") || request.repeated().contains("redirect_uri")) {
            throw new UntrustedRedirectException(
                    INVALID_REQUEST, "The request names the application or its return address more than once.");
        }
        if (request.clientId() == null) {
            throw new UntrustedRedirectException(
                    INVALID_REQUEST,
                    "The request does not say which application it comes from (client_id is missing).");
        }
        RegisteredClient client = clients.resolve(request.clientId())
                .orElseThrow(() -> new UntrustedRedirectException(
                        OAuthErrorCodes.INVALID_CLIENT,
                        "The application that sent you here is not registered with this server."));
        if (disabled.isDisabled(client.clientId())) {
            // Not redirected: the operator withdrew trust in this client, its redirect URIs included (RFC 6749
            // section 4.1.2.1 keeps an invalid client from redirection).
            throw new UntrustedRedirectException(
                    UNAUTHORIZED_CLIENT,
                    "The operator of this server has disabled the application that sent you here.");
        }
        String redirectUri = RedirectUris.select(client.redirectUris(), request.redirectUri())
                .orElseThrow(() -> new UntrustedRedirectException(
                        INVALID_REQUEST,
                        request.redirectUri() == null
                                ? "The request does not say where to return to (redirect_uri is missing)."
                                : "The return address (redirect_uri) is not one the application registered."));
        return new CheckedClient(client, redirectUri, request.redirectUri() != null);
    }

    /** The whole request, checked; the client must have passed {@link #checkClient}. */
    public ValidatedAuthorization validate(AuthorizationRequest request, CheckedClient checked) {
        if (!request.repeated().isEmpty()) {
            throw new AuthorizationErrorException(
                    INVALID_REQUEST, "parameters must not repeat: " + String.join(", ", request.repeated()));
        }
        if (request.responseType() == null) {
            throw new AuthorizationErrorException(INVALID_REQUEST, "response_type is missing");
        }
        if (!"code".equals(request.responseType())) {
            throw new AuthorizationErrorException(UNSUPPORTED_RESPONSE_TYPE, "only response_type=code is supported");
        }
        if (!checked.client().grantTypes().contains("authorization_code")) {
            throw new AuthorizationErrorException(
                    UNAUTHORIZED_CLIENT, "the client is not registered for the authorization_code grant");
        }
        checkPkce(request);
        return new ValidatedAuthorization(
                checked,
                request.state(),
                request.codeChallenge(),
                resource(request),
                scopes(request, checked.client()));
    }

    private static void checkPkce(AuthorizationRequest request) {
        if (request.codeChallenge() == null) {
            throw new AuthorizationErrorException(INVALID_REQUEST, "code_challenge is required (PKCE with S256)");
        }
        if (!"S256".equals(request.codeChallengeMethod())) {
            throw new AuthorizationErrorException(INVALID_REQUEST, "code_challenge_method must be S256");
        }
        if (!Pkce.wellFormedChallenge(request.codeChallenge())) {
            throw new AuthorizationErrorException(INVALID_REQUEST, "code_challenge is not a base64url SHA-256 value");
        }
    }

    /**
     * The one resource this server issues tokens for, in its configured form; absent means that one (RFC 8707
     * section 2, "MAY"), and a requested value must name it ({@link ResourceIndicator}).
     */
    private String resource(AuthorizationRequest request) {
        String resource = config.mcpResource();
        for (String requested : request.resources()) {
            if (!ResourceIndicator.names(requested, resource)) {
                throw new AuthorizationErrorException(INVALID_TARGET, "resource must be " + resource);
            }
        }
        return resource;
    }

    /**
     * Requested scopes, or by default what the client registered, else everything the server supports. A registered
     * scope is a default, not a ceiling: MCP clients register with the scope of the first 401 challenge and later
     * step up (a 403 {@code insufficient_scope} names more), and the user approves every scope on the consent page.
     *
     * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#scope-challenge-handling">MCP: scope challenge handling</a>
     */
    private List<String> scopes(AuthorizationRequest request, RegisteredClient client) {
        Set<String> supported = supportedScopes.all();
        List<String> registered =
                client.scope().map(AuthorizationRequestValidator::words).orElse(null);
        if (request.scope() == null) {
            return registered == null
                    ? List.copyOf(supported)
                    : registered.stream().filter(supported::contains).toList();
        }
        Set<String> requested = new LinkedHashSet<>(words(request.scope()));
        requested.removeAll(IGNORED_SCOPES);
        if (requested.isEmpty()) {
            return registered == null
                    ? List.copyOf(supported)
                    : registered.stream().filter(supported::contains).toList();
        }
        for (String scope : requested) {
            if (!supported.contains(scope)) {
                throw new AuthorizationErrorException(
                        INVALID_SCOPE, "scope " + scope + " is not supported by this server");
            }
        }
        return List.copyOf(requested);
    }

    /**
     * Scopes a known client adds that carry nothing here, dropped rather than refused (RFC 6749 section 3.3: the server
     * may ignore part of the requested scope; the token response names what was granted). {@code offline_access}
     * (OpenID Connect Core section 11) asks for a refresh token, which every client registered for the
     * {@code refresh_token} grant gets anyway; ChatGPT connectors and others send it.
     */
    public static final Set<String> IGNORED_SCOPES = Set.of("offline_access");

    private static List<String> words(String value) {
        return Arrays.stream(value.trim().split(" +")).filter(w -> !w.isEmpty()).toList();
    }
}
