package it.dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import it.dev.portcullis.support.LibertyServer;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Dynamic Client Registration (RFC 7591) over HTTPS: what is accepted, what is refused and with which code. */
class ClientRegistrationIT {

    private final RegistrationApi api = new RegistrationApi(LibertyServer.current());

    @Test
    void registerWhenPublicClientThen201WithMetadataIdsAndNoSecret() throws Exception {
        HttpResponse<String> response = api.register(
                "{\"client_name\":\"" + RegistrationApi.uniqueName("public")
                        + "\",\"redirect_uris\":[\"http://127.0.0.1:33418/callback\"],\"token_endpoint_auth_method\":\"none\","
                        + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"application_type\":\"native\",\"scope\":\"pets:read\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonObject client = RegistrationApi.json(response);
        assertThat(client.getString("client_id")).isNotBlank();
        assertThat(client.getJsonNumber("client_id_issued_at").longValue())
                .isBetween(System.currentTimeMillis() / 1000 - 300, System.currentTimeMillis() / 1000 + 300);
        assertThat(client.getString("token_endpoint_auth_method")).isEqualTo("none");
        assertThat(client.getJsonArray("redirect_uris").getString(0)).isEqualTo("http://127.0.0.1:33418/callback");
        assertThat(client.getJsonArray("response_types").getString(0)).isEqualTo("code");
        assertThat(client.getString("scope")).isEqualTo("pets:read");
        assertThat(client).doesNotContainKeys("client_secret", "client_secret_expires_at", "application_type");
        assertThat(client.getString("registration_access_token")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(client.getString("registration_client_uri"))
                .isEqualTo(RegistrationApi.expectedIssuer() + "/oauth/register/" + client.getString("client_id"));
    }

    @Test
    void registerWhenAuthMethodOmittedThenRfc7591DefaultConfidentialWithSecretThatNeverExpires() throws Exception {
        HttpResponse<String> response = api.register("{\"client_name\":\"" + RegistrationApi.uniqueName("confidential")
                + "\",\"redirect_uris\":[\"https://claude.ai/api/mcp/auth_callback\"]}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonObject client = RegistrationApi.json(response);
        assertThat(client.getString("token_endpoint_auth_method")).isEqualTo("client_secret_basic");
        assertThat(client.getJsonArray("grant_types").getString(0)).isEqualTo("authorization_code");
        assertThat(client.getString("client_secret")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(client.getJsonNumber("client_secret_expires_at").longValue()).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://vscode.dev/redirect",
                "http://localhost:1/cb",
                "http://127.0.0.1:65535/cb",
                "http://[::1]:8080/cb",
                "com.example.app:/oauth2redirect"
            })
    void registerWhenRedirectUriAllowedThen201(String uri) throws Exception {
        HttpResponse<String> response = api.register(client(uri));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://app.example/cb#fragment",
                "/relative/callback",
                "callback",
                "https://user:pw@app.example/cb",
                "javascript:alert(1)",
                "data:text/html,hi",
                "file:///etc/passwd",
                "vbscript:msgbox(1)",
                "http://app.example/cb",
                "cursor://callback",
                "not a uri"
            })
    void registerWhenRedirectUriForbiddenThen400InvalidRedirectUri(String uri) throws Exception {
        assertError(api.register(client(uri)), "invalid_redirect_uri");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"client_name\":\"x\"}|invalid_redirect_uri",
                "{\"redirect_uris\":[]}|invalid_redirect_uri",
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"token_endpoint_auth_method\":\"client_secret_jwt\"}|invalid_client_metadata",
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"grant_types\":[\"implicit\"]}|invalid_client_metadata",
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"response_types\":[\"token\"]}|invalid_client_metadata",
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"grant_types\":[\"authorization_code\"],\"response_types\":[]}|invalid_client_metadata",
                "{\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":\"none\"}|invalid_client_metadata",
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"client_name\":[\"x\"]}|invalid_client_metadata",
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"logo_uri\":\"javascript:alert(1)\"}|invalid_client_metadata",
                "{\"redirect_uris\":[\"https://a.example/cb\"],\"jwks_uri\":\"https://a.example/j\",\"jwks\":{\"keys\":[]}}|invalid_client_metadata",
                "{not json|invalid_client_metadata",
                "[\"https://a.example/cb\"]|invalid_client_metadata",
                "null|invalid_client_metadata",
                "|invalid_client_metadata"
            })
    void registerWhenMetadataInvalidThen400WithExactCode(String body, String error) throws Exception {
        assertError(api.register(body == null ? "" : body), error);
    }

    @Test
    void registerWhenBodyTooLargeThen400InvalidClientMetadata() throws Exception {
        assertError(
                api.register("{\"redirect_uris\":[\"https://a.example/cb\"],\"client_name\":\"" + "x".repeat(20_000)
                        + "\"}"),
                "invalid_client_metadata");
    }

    @Test
    void registerWhenContentTypeNotJsonThenStillAnOAuthAnswer() throws Exception {
        HttpResponse<String> response =
                api.register("redirect_uris=https://a.example/cb", null, "application/x-www-form-urlencoded");

        assertError(response, "invalid_client_metadata");
    }

    @Test
    void registerWhenUnknownMetadataThenIgnoredNotRejected() throws Exception {
        HttpResponse<String> response = api.register("{\"client_name\":\"" + RegistrationApi.uniqueName("unknown")
                + "\",\"redirect_uris\":[\"https://a.example/cb\"],\"application_type\":\"web\",\"frobnicate\":{\"x\":[1,2]},"
                + "\"software_statement\":\"eyJ.x.y\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(RegistrationApi.json(response))
                .doesNotContainKeys("frobnicate", "application_type", "software_statement");
    }

    static String client(String redirectUri) {
        return "{\"client_name\":\"" + RegistrationApi.uniqueName("redirect")
                + "\",\"token_endpoint_auth_method\":\"none\"," + "\"redirect_uris\":[\""
                + redirectUri.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]}";
    }

    static void assertError(HttpResponse<String> response, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonObject body = RegistrationApi.json(response);
        assertThat(body.getString("error")).isEqualTo(error);
        assertThat(body.getString("error_description")).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
