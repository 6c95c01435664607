package dev.portcullis.oauth.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.oauth.error.OAuthException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientMetadataValidatorTest {

    private final ClientMetadataValidator validator = new ClientMetadataValidator(
            new RedirectUriPolicy(RedirectUriPolicy.PrivateUseSchemes.REVERSE_DOMAIN),
            Set.of("pets:read", "pets:write"),
            List.of("pets:read", "admin"));

    @Test
    void validateWhenNoSupportedScopeThenTheDefaultScopesNeverEverything() {
        assertThat(validator
                        .validate(json("{\"redirect_uris\":[\"https://a.example/cb\"]}"))
                        .getString("scope"))
                .isEqualTo("pets:read");
        assertThat(validator
                        .validate(json("{\"redirect_uris\":[\"https://a.example/cb\"],\"scope\":\"admin\"}"))
                        .getString("scope"))
                .isEqualTo("pets:read");
        assertThat(new ClientMetadataValidator(
                                new RedirectUriPolicy(RedirectUriPolicy.PrivateUseSchemes.NONE),
                                Set.of("pets:read"),
                                List.of())
                        .validate(json("{\"redirect_uris\":[\"https://a.example/cb\"]}"))
                        .containsKey("scope"))
                .isFalse();
    }

    @Test
    void validateWhenOnlyRedirectUrisThenRfc7591Defaults() {
        JsonObject out = validator.validate(json("{\"redirect_uris\":[\"https://app.example/cb\"]}"));

        assertThat(out.getString("token_endpoint_auth_method")).isEqualTo("client_secret_basic");
        assertThat(out.getJsonArray("grant_types").getString(0)).isEqualTo("authorization_code");
        assertThat(out.getJsonArray("response_types").getString(0)).isEqualTo("code");
    }

    @Test
    void validateWhenUnknownMetadataThenIgnoredAndNotEchoed() {
        JsonObject out = validator.validate(
                json("{\"redirect_uris\":[\"http://127.0.0.1:1/cb\"],\"application_type\":\"native\","
                        + "\"token_endpoint_auth_method\":\"none\",\"x_custom\":{\"a\":1}}"));

        assertThat(out).doesNotContainKeys("application_type", "x_custom");
        assertThat(out.getString("token_endpoint_auth_method")).isEqualTo("none");
    }

    @Test
    void validateWhenScopeHasUnsupportedValuesThenOnlySupportedKept() {
        JsonObject out = validator.validate(
                json("{\"redirect_uris\":[\"https://a.example/cb\"],\"scope\":\"pets:read admin openid\"}"));

        assertThat(out.getString("scope")).isEqualTo("pets:read");
    }

    @Test
    void validateWhenClientCredentialsOnlyThenNoRedirectUrisNeededAndNoResponseTypes() {
        JsonObject out = validator.validate(json(
                "{\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":\"client_secret_post\"}"));

        assertThat(out.getJsonArray("response_types")).isEmpty();
        // Echoed as an empty array: the MCP TypeScript SDK's registration response schema requires the member.
        assertThat(out.getJsonArray("redirect_uris")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"redirect_uris\":[\"https://a.example/cb#x\"]}|invalid_redirect_uri",
                "{\"redirect_uris\":[\"javascript:alert(1)\"]}|invalid_redirect_uri",
                "{\"redirect_uris\":[]}|invalid_redirect_uri",
                "{}|invalid_redirect_uri",
                "{\"redirect_uris\":\"https://a.example/cb\"}|invalid_redirect_uri",
                "{\"redirect_uris\":[1]}|invalid_redirect_uri",
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"token_endpoint_auth_method\":\"private_key_jwt\"}|invalid_client_metadata",
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"grant_types\":[\"implicit\"]}|invalid_client_metadata",
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"response_types\":[\"token\"]}|invalid_client_metadata",
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"grant_types\":[\"authorization_code\"],\"response_types\":[]}|invalid_client_metadata",
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"grant_types\":[\"refresh_token\"]}|invalid_client_metadata",
                "{\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":\"none\"}|invalid_client_metadata",
                "{\"grant_types\":[\"client_credentials\"],\"response_types\":[\"code\"]}|invalid_client_metadata",
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"client_name\":42}|invalid_client_metadata",
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"client_name\":\"\"}|invalid_client_metadata",
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"logo_uri\":\"javascript:alert(1)\"}|invalid_client_metadata",
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"client_uri\":\"http://a.example\"}|invalid_client_metadata",
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"jwks_uri\":\"https://a.example/j\",\"jwks\":{\"keys\":[]}}|invalid_client_metadata",
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"jwks\":{\"nokeys\":1}}|invalid_client_metadata",
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"contacts\":\"a@b\"}|invalid_client_metadata",
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"grant_types\":\"authorization_code\"}|invalid_client_metadata",
                "[]|invalid_client_metadata",
                "null|invalid_client_metadata",
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"client_name\":\"line\\nbreak\"}|invalid_client_metadata",
                "\"text\"|invalid_client_metadata"
            })
    void validateWhenRuleBrokenThenExactErrorCode(String body, String error) {
        assertThatThrownBy(() -> validator.validate(json(body))).isInstanceOfSatisfying(OAuthException.class, e -> {
            assertThat(e.error().error()).isEqualTo(error);
            assertThat(e.error().status()).isEqualTo(400);
        });
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }
}
