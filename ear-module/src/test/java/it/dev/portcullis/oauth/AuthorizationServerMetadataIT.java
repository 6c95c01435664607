package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.LibertyServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 8414 metadata at both well-known URLs, checked against the RFC's field rules, and the JWKS it names. */
class AuthorizationServerMetadataIT {

    private final RegistrationApi api = new RegistrationApi(LibertyServer.current());

    @Test
    void metadataWhenFetchedFromBothWellKnownUrlsThenByteIdenticalJson() throws Exception {
        HttpResponse<String> oauth = api.get("/.well-known/oauth-authorization-server");
        HttpResponse<String> openid = api.get("/.well-known/openid-configuration");

        assertThat(oauth.statusCode()).isEqualTo(200);
        assertThat(openid.statusCode()).isEqualTo(200);
        assertThat(oauth.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(openid.body()).isEqualTo(oauth.body());
    }

    @Test
    void metadataWhenReadThenIssuerIsConfiguredHttpsUrlWithoutQueryFragmentOrTrailingSlash() throws Exception {
        JsonObject metadata = RegistrationApi.json(api.get("/.well-known/oauth-authorization-server"));
        String issuer = metadata.getString("issuer");

        assertThat(issuer).isEqualTo(RegistrationApi.expectedIssuer());
        URI uri = URI.create(issuer);
        assertThat(uri.getScheme()).isEqualTo("https");
        assertThat(uri.getRawQuery()).isNull();
        assertThat(uri.getRawFragment()).isNull();
        assertThat(issuer).doesNotEndWith("/");
    }

    @Test
    void metadataWhenReadThenEveryEndpointIsUnderTheIssuerByteForByte() throws Exception {
        JsonObject metadata = RegistrationApi.json(api.get("/.well-known/oauth-authorization-server"));
        String issuer = metadata.getString("issuer");

        assertThat(metadata.getString("authorization_endpoint")).isEqualTo(issuer + "/oauth/authorize");
        assertThat(metadata.getString("token_endpoint")).isEqualTo(issuer + "/oauth/token");
        assertThat(metadata.getString("registration_endpoint")).isEqualTo(issuer + "/oauth/register");
        assertThat(metadata.getString("jwks_uri")).isEqualTo(issuer + "/oauth/jwks");
        assertThat(metadata.getString("revocation_endpoint")).isEqualTo(issuer + "/oauth/revoke");
    }

    @Test
    void metadataWhenReadThenListsExactlyWhatTheServerSupports() throws Exception {
        JsonObject metadata = RegistrationApi.json(api.get("/.well-known/oauth-authorization-server"));

        assertThat(strings(metadata, "response_types_supported")).containsExactly("code");
        assertThat(strings(metadata, "code_challenge_methods_supported")).containsExactly("S256");
        assertThat(strings(metadata, "grant_types_supported"))
                .containsExactlyInAnyOrder("authorization_code", "refresh_token", "client_credentials");
        assertThat(strings(metadata, "token_endpoint_auth_methods_supported"))
                .containsExactlyInAnyOrder("none", "client_secret_basic", "client_secret_post");
        assertThat(strings(metadata, "revocation_endpoint_auth_methods_supported"))
                .containsExactlyInAnyOrder("none", "client_secret_basic", "client_secret_post");
        assertThat(strings(metadata, "scopes_supported")).contains("pets:read", "pets:write");
        assertThat(metadata.get("client_id_metadata_document_supported")).isEqualTo(JsonValue.TRUE);
        assertThat(metadata.get("authorization_response_iss_parameter_supported"))
                .isEqualTo(JsonValue.TRUE);
        // RFC 8414 section 2: values are JSON strings, arrays of strings or booleans; no nulls, no empty arrays.
        metadata.forEach((name, value) -> assertThat(value.getValueType())
                .as(name)
                .isIn(JsonValue.ValueType.STRING, JsonValue.ValueType.ARRAY, JsonValue.ValueType.TRUE));
        metadata.forEach((name, value) -> {
            if (value.getValueType() == JsonValue.ValueType.ARRAY) {
                assertThat(value.asJsonArray()).as(name).isNotEmpty().allMatch(v -> v instanceof JsonString);
            }
        });
    }

    @Test
    void jwksWhenFetchedFromMetadataUrlThenPublicEs256KeysOnly() throws Exception {
        JsonObject metadata = RegistrationApi.json(api.get("/.well-known/oauth-authorization-server"));
        // The path the metadata names, on the server under test (the issuer's port may differ in a test run).
        HttpResponse<String> response =
                api.get(URI.create(metadata.getString("jwks_uri")).getPath());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/jwk-set+json"));
        List<JsonObject> keys =
                RegistrationApi.json(response).getJsonArray("keys").getValuesAs(JsonObject.class);
        assertThat(keys).isNotEmpty().allSatisfy(key -> {
            assertThat(key.getString("kty")).isEqualTo("EC");
            assertThat(key.getString("alg")).isEqualTo("ES256");
            assertThat(key.getString("use")).isEqualTo("sig");
            assertThat(key.getString("kid")).isNotBlank();
            assertThat(key).doesNotContainKey("d");
        });
    }

    private static List<String> strings(JsonObject metadata, String name) {
        return metadata.getJsonArray(name).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}
