package dev.portcullis.oauth.authorize;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the redirects to the client: a code or an error, plus {@code state} when the request had one and always
 * {@code iss}, as query parameters added to the registered redirect URI (keeping its own query).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2">RFC 6749 section 4.1.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9207#section-2">RFC 9207 section 2</a>
 */
public final class AuthorizationResponses {

    private AuthorizationResponses() {}

    public static URI code(String redirectUri, String code, String state, String issuer) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("code", code);
        return redirect(redirectUri, parameters, state, issuer);
    }

    public static URI error(String redirectUri, AuthorizationErrorException error, String state, String issuer) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", error.error());
        if (error.description() != null) {
            parameters.put("error_description", error.description());
        }
        return redirect(redirectUri, parameters, state, issuer);
    }

    private static URI redirect(String redirectUri, Map<String, String> parameters, String state, String issuer) {
        if (state != null) {
            parameters.put("state", state);
        }
        parameters.put("iss", issuer);
        StringBuilder uri = new StringBuilder(redirectUri);
        char separator = redirectUri.indexOf('?') >= 0 ? '&' : '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            uri.append(separator)
                    .append(parameter.getKey())
                    .append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return URI.create(uri.toString());
    }
}
