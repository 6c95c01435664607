package dev.portcullis.oauth.metadata;

import dev.portcullis.config.AuthServerConfig;
import dev.portcullis.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.Collection;
import java.util.List;

/**
 * The authorization server metadata document: exactly what this server supports, every URL built from the one
 * configured issuer so that the issuer matches byte for byte wherever it appears.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8414#section-2">RFC 8414 section 2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9207#section-3">RFC 9207 section 3 (iss parameter)</a>
 * @see <a href="https://datatracker.ietf.org/doc/draft-ietf-oauth-client-id-metadata-document/">Client ID Metadata Document</a>
 */
@ApplicationScoped
public class AuthorizationServerMetadata {

    /** Endpoint paths, relative to the issuer. Part 2 implements authorize, token and revoke. */
    public static final String AUTHORIZATION_PATH = "/oauth/authorize";

    public static final String TOKEN_PATH = "/oauth/token";
    public static final String REVOCATION_PATH = "/oauth/revoke";
    public static final String REGISTRATION_PATH = "/oauth/register";
    public static final String JWKS_PATH = "/oauth/jwks";

    /** Clients may cache the documents briefly; a key rotation shows within five minutes. */
    public static final String CACHE_CONTROL = "public, max-age=300";

    private static final List<String> AUTH_METHODS = List.of("none", "client_secret_basic", "client_secret_post");

    @Inject
    private AuthServerConfig config;

    @Inject
    private SupportedScopes scopes;

    public JsonObject document() {
        String issuer = config.issuer();
        return Jsons.PROVIDER
                .createObjectBuilder()
                .add("issuer", issuer)
                .add("authorization_endpoint", issuer + AUTHORIZATION_PATH)
                .add("token_endpoint", issuer + TOKEN_PATH)
                .add("registration_endpoint", issuer + REGISTRATION_PATH)
                .add("jwks_uri", issuer + JWKS_PATH)
                .add("revocation_endpoint", issuer + REVOCATION_PATH)
                .add("scopes_supported", array(scopes.all()))
                .add("response_types_supported", array(List.of("code")))
                .add("response_modes_supported", array(List.of("query")))
                .add(
                        "grant_types_supported",
                        array(List.of("authorization_code", "refresh_token", "client_credentials")))
                .add("token_endpoint_auth_methods_supported", array(AUTH_METHODS))
                .add("revocation_endpoint_auth_methods_supported", array(AUTH_METHODS))
                .add("code_challenge_methods_supported", array(List.of("S256")))
                .add("client_id_metadata_document_supported", true)
                .add("authorization_response_iss_parameter_supported", true)
                .build();
    }

    private static JsonArrayBuilder array(Collection<String> values) {
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
