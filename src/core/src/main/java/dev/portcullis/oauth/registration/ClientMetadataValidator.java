package dev.portcullis.oauth.registration;

import dev.portcullis.json.Jsons;
import dev.portcullis.oauth.error.OAuthException;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a client's registration request into the metadata the server registers: known fields checked, RFC 7591
 * defaults filled in, unsupported scopes dropped, unknown fields ignored. A client that registers no supported scope
 * is registered with the configured default scopes (RFC 7591 section 2: "If omitted, an authorization server MAY
 * register a client with a default set of scopes"), never with every scope. Anything unacceptable is an
 * {@link OAuthException} with {@code invalid_redirect_uri} or {@code invalid_client_metadata}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-2">RFC 7591 section 2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-3.2.2">RFC 7591 section 3.2.2</a>
 */
public final class ClientMetadataValidator {

    /** Token endpoint authentication methods this server implements. */
    public static final Set<String> AUTH_METHODS = Set.of("none", "client_secret_basic", "client_secret_post");
    /** Grant types this server implements. */
    public static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token", "client_credentials");

    private static final List<String> URL_FIELDS =
            List.of("client_uri", "logo_uri", "tos_uri", "policy_uri", "jwks_uri");
    private static final List<String> TEXT_FIELDS = List.of("client_name", "software_id", "software_version");
    private static final int MAX_TEXT = 200;
    private static final int MAX_LIST = 10;

    private final RedirectUriPolicy redirectUris;
    private final Set<String> supportedScopes;
    private final List<String> defaultScopes;

    public ClientMetadataValidator(
            RedirectUriPolicy redirectUris, Set<String> supportedScopes, List<String> defaultScopes) {
        this.redirectUris = Objects.requireNonNull(redirectUris, "redirectUris");
        this.supportedScopes = Set.copyOf(Objects.requireNonNull(supportedScopes, "supportedScopes"));
        this.defaultScopes = defaultScopes.stream()
                .filter(this.supportedScopes::contains)
                .distinct()
                .toList();
    }

    /** The metadata to register, or an {@link OAuthException} saying what is wrong. */
    public JsonObject validate(JsonValue request) {
        if (request == null || request.getValueType() != JsonValue.ValueType.OBJECT) {
            throw OAuthException.invalidClientMetadata("the request body must be a JSON object");
        }
        JsonObject in = request.asJsonObject();
        JsonObjectBuilder out = Jsons.PROVIDER.createObjectBuilder();
        String authMethod = optionalText(in, "token_endpoint_auth_method", "client_secret_basic");
        if (!AUTH_METHODS.contains(authMethod)) {
            throw OAuthException.invalidClientMetadata(
                    "token_endpoint_auth_method must be one of " + sorted(AUTH_METHODS));
        }
        List<String> grantTypes = stringList(in, "grant_types", List.of("authorization_code"));
        for (String grant : grantTypes) {
            if (!GRANT_TYPES.contains(grant)) {
                throw OAuthException.invalidClientMetadata("grant type " + grant + " is not supported");
            }
        }
        boolean code = grantTypes.contains("authorization_code");
        List<String> responseTypes = stringList(in, "response_types", code ? List.of("code") : List.of());
        checkGrantsMatchResponses(grantTypes, responseTypes, authMethod);
        out.add("token_endpoint_auth_method", authMethod)
                .add("grant_types", array(grantTypes))
                .add("response_types", array(responseTypes));
        // Always echoed, empty for a client without a redirect (client_credentials): the TypeScript SDK rejects a
        // registration response without redirect_uris.
        out.add("redirect_uris", array(redirectUris(in, code)));
        copyTextFields(in, out);
        copyUrlFields(in, out);
        copyScope(in, out);
        copyContacts(in, out);
        copyJwks(in, out);
        return out.build();
    }

    private static void checkGrantsMatchResponses(List<String> grants, List<String> responses, String authMethod) {
        for (String response : responses) {
            if (!"code".equals(response)) {
                throw OAuthException.invalidClientMetadata("response type " + response + " is not supported; use code");
            }
        }
        boolean code = grants.contains("authorization_code");
        if (code != responses.contains("code")) {
            throw OAuthException.invalidClientMetadata(
                    "grant_types and response_types disagree: authorization_code goes with the code response type");
        }
        if (grants.contains("refresh_token") && !code) {
            throw OAuthException.invalidClientMetadata("refresh_token needs the authorization_code grant");
        }
        if (grants.contains("client_credentials") && "none".equals(authMethod)) {
            throw OAuthException.invalidClientMetadata(
                    "client_credentials needs a confidential client, not auth method none");
        }
    }

    private List<String> redirectUris(JsonObject in, boolean required) {
        if (!in.containsKey("redirect_uris") || in.isNull("redirect_uris")) {
            if (required) {
                throw OAuthException.invalidRedirectUri("redirect_uris is required for the authorization_code grant");
            }
            return List.of();
        }
        List<String> uris;
        try {
            uris = stringList(in, "redirect_uris", List.of());
        } catch (OAuthException e) {
            throw OAuthException.invalidRedirectUri("redirect_uris must be an array of strings");
        }
        if (uris.isEmpty() && required) {
            throw OAuthException.invalidRedirectUri("redirect_uris must not be empty");
        }
        if (uris.size() > MAX_LIST) {
            throw OAuthException.invalidRedirectUri("at most " + MAX_LIST + " redirect_uris");
        }
        for (String uri : uris) {
            redirectUris.problemWith(uri).ifPresent(problem -> {
                throw OAuthException.invalidRedirectUri("redirect URI " + printable(uri) + " " + problem);
            });
        }
        return uris;
    }

    private static void copyTextFields(JsonObject in, JsonObjectBuilder out) {
        for (String field : TEXT_FIELDS) {
            String value = optionalText(in, field, null);
            if (value != null) {
                if (value.isBlank()
                        || value.length() > MAX_TEXT
                        || value.chars().anyMatch(Character::isISOControl)) {
                    throw OAuthException.invalidClientMetadata(
                            field + " must be 1 to " + MAX_TEXT + " printable characters");
                }
                out.add(field, value);
            }
        }
    }

    private static void copyUrlFields(JsonObject in, JsonObjectBuilder out) {
        for (String field : URL_FIELDS) {
            String value = optionalText(in, field, null);
            if (value != null) {
                if (!isHttpsUrl(value)) {
                    throw OAuthException.invalidClientMetadata(
                            field + " must be an absolute https URL without a fragment");
                }
                out.add(field, value);
            }
        }
    }

    private void copyScope(JsonObject in, JsonObjectBuilder out) {
        String scope = optionalText(in, "scope", null);
        Set<String> granted = new LinkedHashSet<>();
        for (String token : scope == null ? new String[0] : scope.trim().split(" +")) {
            if (supportedScopes.contains(token)) {
                granted.add(token);
            }
        }
        if (granted.isEmpty()) {
            granted.addAll(defaultScopes);
        }
        if (!granted.isEmpty()) {
            out.add("scope", String.join(" ", granted));
        }
    }

    private static void copyContacts(JsonObject in, JsonObjectBuilder out) {
        List<String> contacts = stringList(in, "contacts", List.of());
        if (contacts.size() > MAX_LIST || contacts.stream().anyMatch(c -> c.isBlank() || c.length() > MAX_TEXT)) {
            throw OAuthException.invalidClientMetadata("contacts must be at most " + MAX_LIST + " short strings");
        }
        if (!contacts.isEmpty()) {
            out.add("contacts", array(contacts));
        }
    }

    private static void copyJwks(JsonObject in, JsonObjectBuilder out) {
        if (!in.containsKey("jwks") || in.isNull("jwks")) {
            return;
        }
        if (in.containsKey("jwks_uri")) {
            throw OAuthException.invalidClientMetadata("jwks and jwks_uri must not both be present");
        }
        JsonValue jwks = in.get("jwks");
        if (jwks.getValueType() != JsonValue.ValueType.OBJECT
                || jwks.asJsonObject().get("keys") == null
                || jwks.asJsonObject().get("keys").getValueType() != JsonValue.ValueType.ARRAY) {
            throw OAuthException.invalidClientMetadata("jwks must be a JWK Set with a keys array");
        }
        out.add("jwks", jwks);
    }

    static String optionalText(JsonObject in, String field, String fallback) {
        JsonValue value = in.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return fallback;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw OAuthException.invalidClientMetadata(field + " must be a string");
        }
        return ((JsonString) value).getString();
    }

    static List<String> stringList(JsonObject in, String field, List<String> fallback) {
        JsonValue value = in.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return fallback;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw OAuthException.invalidClientMetadata(field + " must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonValue item : (JsonArray) value) {
            if (item.getValueType() != JsonValue.ValueType.STRING) {
                throw OAuthException.invalidClientMetadata(field + " must be an array of strings");
            }
            String text = ((JsonString) item).getString();
            if (!values.contains(text)) {
                values.add(text);
            }
        }
        return values;
    }

    private static boolean isHttpsUrl(String value) {
        try {
            URI uri = new URI(value);
            return "https"
                            .equals(
                                    uri.getScheme() == null
                                            ? null
                                            : uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null
                    && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    /** Echoes at most 100 printable characters of a rejected value, so errors stay readable and loggable. */
    private static String printable(String value) {
        String cut = value.length() > 100 ? value.substring(0, 100) + "..." : value;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
