package dev.portcullis.resourceserver;

import dev.portcullis.json.Jsons;
import dev.portcullis.oauth.error.OAuthErrorCodes;
import dev.portcullis.platform.web.NoStore;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code WWW-Authenticate: Bearer} challenges of {@code /mcp}. Every one names the Protected Resource Metadata,
 * so a client that has nothing but the endpoint URL can discover the authorization server.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3">RFC 6750 section 3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9728#section-5.1">RFC 9728 section 5.1 (resource_metadata)</a>
 */
public final class Challenge {

    private Challenge() {}

    /** 401 for a request without credentials: no {@code error} (RFC 6750 section 3.1). */
    public static Response missingToken(String metadataUrl, Collection<String> scopes) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("resource_metadata", metadataUrl);
        if (!scopes.isEmpty()) {
            params.put("scope", String.join(" ", scopes));
        }
        return respond(401, params, "unauthorized", "A bearer token is required in the Authorization header");
    }

    /** 401 for a token that is malformed, expired, revoked or not issued for this resource; why is logged, not sent. */
    public static Response invalidToken(String metadataUrl, String description) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", OAuthErrorCodes.INVALID_TOKEN);
        params.put("error_description", description);
        params.put("resource_metadata", metadataUrl);
        return respond(401, params, OAuthErrorCodes.INVALID_TOKEN, description);
    }

    /** 400 for a request that carries its token somewhere other than the Authorization header (RFC 6750 section 2). */
    public static Response invalidRequest(String metadataUrl, String description) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", OAuthErrorCodes.INVALID_REQUEST);
        params.put("error_description", description);
        params.put("resource_metadata", metadataUrl);
        return respond(400, params, OAuthErrorCodes.INVALID_REQUEST, description);
    }

    /** The header value of a 403 step-up: every scope the operation needs (RFC 6750 section 3.1 insufficient_scope). */
    public static String insufficientScope(String metadataUrl, Collection<String> scopes) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", OAuthErrorCodes.INSUFFICIENT_SCOPE);
        params.put("scope", String.join(" ", scopes));
        params.put("resource_metadata", metadataUrl);
        params.put("error_description", "This operation needs the scopes " + String.join(" ", scopes));
        return header(params);
    }

    static String header(Map<String, String> params) {
        return "Bearer "
                + params.entrySet().stream()
                        .map(e -> e.getKey() + "=\""
                                + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                        .collect(Collectors.joining(", "));
    }

    private static Response respond(int status, Map<String, String> params, String error, String description) {
        String body = Jsons.PROVIDER
                .createObjectBuilder()
                .add("error", error)
                .add("error_description", description)
                .build()
                .toString();
        // replaces the bare challenge MicroProfile JWT may already have set on the response
        return NoStore.set(Response.status(status).header("WWW-Authenticate", header(params)))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body)
                .build();
    }
}
