package dev.portcullis.oauth.authorize;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters of an authorization request, as sent: nothing is validated here. {@code repeated} names the
 * parameters that appeared more than once, which RFC 6749 section 3.1 forbids for all but {@code resource}
 * (RFC 8707 section 2).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1">RFC 6749 section 4.1.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636#section-4.3">RFC 7636 section 4.3</a>
 */
public record AuthorizationRequest(
        String clientId,
        String redirectUri,
        String responseType,
        String state,
        String codeChallenge,
        String codeChallengeMethod,
        String scope,
        List<String> resources,
        Set<String> repeated) {

    static final List<String> SINGLE_VALUED = List.of(
            "client_id", "redirect_uri", "response_type", "state", "code_challenge", "code_challenge_method", "scope");

    public AuthorizationRequest {
        resources = resources == null ? List.of() : List.copyOf(resources);
        repeated = repeated == null ? Set.of() : Set.copyOf(repeated);
    }

    /** Reads the request from query or form parameters; empty values count as absent. */
    public static AuthorizationRequest from(MultivaluedMap<String, String> parameters) {
        Set<String> repeated = new TreeSet<>();
        for (String name : SINGLE_VALUED) {
            List<String> values = parameters.get(name);
            if (values != null && values.size() > 1) {
                repeated.add(name);
            }
        }
        List<String> resources = parameters.getOrDefault("resource", List.of()).stream()
                .filter(value -> value != null && !value.isEmpty())
                .toList();
        return new AuthorizationRequest(
                first(parameters, "client_id"),
                first(parameters, "redirect_uri"),
                first(parameters, "response_type"),
                first(parameters, "state"),
                first(parameters, "code_challenge"),
                first(parameters, "code_challenge_method"),
                first(parameters, "scope"),
                resources,
                repeated);
    }

    private static String first(MultivaluedMap<String, String> parameters, String name) {
        String value = parameters.getFirst(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
