package dev.portcullis.oauth.token;

import dev.portcullis.oauth.error.TokenErrors;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * How a client identified itself at the token or revocation endpoint: {@code client_secret_basic} (HTTP Basic,
 * id and secret form-url-encoded before Base64), {@code client_secret_post} (both in the body) or {@code none}
 * (only {@code client_id} in the body). A request that uses two methods at once is {@code invalid_request}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1">RFC 6749 section 2.3.1</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1-13#section-2.4.1">OAuth 2.1 section 2.4.1</a>
 */
public record ClientCredentials(String clientId, String secret, String method) {

    public static final String BASIC = "client_secret_basic";
    public static final String POST = "client_secret_post";
    public static final String NONE = "none";

    /** Reads the credentials from the Authorization header and the form. */
    public static ClientCredentials from(String authorization, FormParameters form) {
        Optional<String> formId = form.single("client_id");
        Optional<String> formSecret = form.single("client_secret");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            ClientCredentials basic = basic(authorization.substring(6).trim());
            if (formSecret.isPresent()) {
                throw TokenErrors.invalidRequest(
                        "use one client authentication method, not both Basic and client_secret");
            }
            if (formId.isPresent() && !formId.get().equals(basic.clientId())) {
                throw TokenErrors.invalidRequest("client_id in the body differs from the Basic credentials");
            }
            return basic;
        }
        String clientId = formId.orElseThrow(() -> TokenErrors.invalidClient("client authentication is missing"));
        return formSecret
                .map(secret -> new ClientCredentials(clientId, secret, POST))
                .orElseGet(() -> new ClientCredentials(clientId, null, NONE));
    }

    private static ClientCredentials basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw TokenErrors.invalidClient("malformed Basic credentials");
            }
            return new ClientCredentials(
                    URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8),
                    BASIC);
        } catch (IllegalArgumentException e) {
            throw TokenErrors.invalidClient("malformed Basic credentials");
        }
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", method=" + method + "]"; // never the secret
    }
}
