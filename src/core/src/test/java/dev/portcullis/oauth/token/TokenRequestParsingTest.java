package dev.portcullis.oauth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.oauth.error.OAuthException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Form parsing, client credentials and scope rules of the token endpoint, without a server. */
class TokenRequestParsingTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void parseWhenFormThenDecodedAndEmptyValuesCountAsAbsent() {
        FormParameters form = FormParameters.parse(
                FORM + "; charset=UTF-8", "grant_type=client_credentials&scope=pets%3Aread+x&state=");
        assertThat(form.required("grant_type")).isEqualTo("client_credentials");
        assertThat(form.single("scope")).hasValue("pets:read x");
        assertThat(form.single("state")).isEmpty();
    }

    @Test
    void parseWhenRepeatedOrWrongTypeOrMalformedThenInvalidRequest() {
        assertError(() -> FormParameters.parse(FORM, "scope=a&scope=b").single("scope"), "invalid_request");
        assertThat(FormParameters.parse(FORM, "resource=a&resource=b").all("resource"))
                .containsExactly("a", "b");
        assertError(() -> FormParameters.parse("application/json", "{}"), "invalid_request");
        assertError(() -> FormParameters.parse(FORM, "a=%zz"), "invalid_request");
        assertError(() -> FormParameters.parse(FORM, "").required("grant_type"), "invalid_request");
    }

    @Test
    void credentialsWhenBasicThenFormUrlDecodedIdAndSecret() {
        String header =
                "Basic " + Base64.getEncoder().encodeToString("my%3Aclient:s%2Bcret".getBytes(StandardCharsets.UTF_8));
        ClientCredentials credentials = ClientCredentials.from(header, FormParameters.parse(FORM, "grant_type=x"));
        assertThat(credentials).isEqualTo(new ClientCredentials("my:client", "s+cret", ClientCredentials.BASIC));
        assertThat(credentials.toString()).doesNotContain("s+cret");
    }

    @Test
    void credentialsWhenPostOrNoneOrMixedOrMissingThenMethodOrError() {
        assertThat(ClientCredentials.from(null, FormParameters.parse(FORM, "client_id=a&client_secret=b"))
                        .method())
                .isEqualTo(ClientCredentials.POST);
        assertThat(ClientCredentials.from(null, FormParameters.parse(FORM, "client_id=a"))
                        .method())
                .isEqualTo(ClientCredentials.NONE);
        String basic = "Basic " + Base64.getEncoder().encodeToString("a:b".getBytes(StandardCharsets.UTF_8));
        assertError(
                () -> ClientCredentials.from(basic, FormParameters.parse(FORM, "client_secret=b")), "invalid_request");
        assertError(
                () -> ClientCredentials.from(basic, FormParameters.parse(FORM, "client_id=other")), "invalid_request");
        assertError(() -> ClientCredentials.from("Basic !!!", FormParameters.parse(FORM, "")), "invalid_client");
        assertError(() -> ClientCredentials.from(null, FormParameters.parse(FORM, "grant_type=x")), "invalid_client");
    }

    @Test
    void narrowWhenSubsetThenRequestedAndWhenWiderThenInvalidScope() {
        List<String> entitled = List.of("pets:read", "pets:write");
        assertThat(Scopes.narrow(Optional.empty(), entitled)).isEqualTo(entitled);
        assertThat(Scopes.narrow(Optional.of("pets:read  pets:read"), entitled)).containsExactly("pets:read");
        assertError(() -> Scopes.narrow(Optional.of("pets:read admin"), entitled), "invalid_scope");
        assertError(() -> Scopes.parse("bad\"scope"), "invalid_scope");
    }

    private static void assertError(Runnable call, String error) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        OAuthException.class, e -> assertThat(e.error().error()).isEqualTo(error));
    }
}
