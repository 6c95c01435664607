package dev.portcullis.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portcullis.json.JsonInput;
import dev.portcullis.oauth.error.OAuthException;
import dev.portcullis.oauth.registration.ClientMetadataValidator;
import dev.portcullis.oauth.registration.RedirectUriPolicy;
import dev.portcullis.oauth.token.FormParameters;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import java.util.Set;

/**
 * Coverage-guided fuzzing (Jazzer) of the authorization server's two parsers of hostile text: the dynamic client
 * registration path (the JSON reader, then {@link ClientMetadataValidator}, RFC 7591 section 2) and the token and
 * revocation endpoints' form parser ({@link FormParameters}, RFC 6749 section 3.2). One fuzz test per module
 * (Jazzer fuzzes one per run), the first input byte picks the target. Any input ends in a value or an
 * {@link OAuthException} below 500; no other exception escapes.
 */
class OAuthInputsFuzzTest {

    private final ClientMetadataValidator validator = new ClientMetadataValidator(
            new RedirectUriPolicy(RedirectUriPolicy.PrivateUseSchemes.REVERSE_DOMAIN),
            Set.of("pets:read", "pets:write"),
            java.util.List.of("pets:read"));

    @FuzzTest(maxDuration = "5s")
    void registrationMetadataAndTokenFormsGetOAuthErrorsOnly(FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            registration(data.consumeRemainingAsBytes());
        } else {
            form(
                    data.consumeBoolean() ? "application/x-www-form-urlencoded" : data.consumeString(40),
                    data.consumeRemainingAsString());
        }
    }

    private void registration(byte[] body) {
        JsonValue request;
        try {
            request = JsonInput.read(body);
        } catch (JsonException e) {
            return; // the endpoint answers invalid_client_metadata
        }
        try {
            validator.validate(request);
        } catch (OAuthException e) {
            assertThat(e.error().status()).isLessThan(500);
        }
    }

    private static void form(String contentType, String body) {
        try {
            FormParameters form = FormParameters.parse(contentType, body);
            form.all("resource");
            for (String name : new String[] {"grant_type", "code", "redirect_uri", "code_verifier", "token", "scope"}) {
                form.single(name);
            }
        } catch (OAuthException e) {
            assertThat(e.error().status()).isLessThan(500);
        }
    }
}
