package dev.portcullis.oauth.token;

import dev.portcullis.json.Jsons;
import dev.portcullis.platform.web.NoStore;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A successful token response (RFC 6749 section 5.1): always {@code token_type: Bearer}, {@code expires_in} and
 * {@code scope}; a {@code refresh_token} when one was issued. Sent with {@code Cache-Control: no-store}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.1">RFC 6749 section 5.1</a>
 */
public record TokenResponse(IssuedAccessToken accessToken, String refreshToken) {

    public JsonObject toJson() {
        JsonObjectBuilder json = Jsons.PROVIDER
                .createObjectBuilder()
                .add("access_token", accessToken.value())
                .add("token_type", "Bearer")
                .add("expires_in", accessToken.expiresIn())
                .add("scope", Scopes.join(accessToken.scopes()));
        if (refreshToken != null) {
            json.add("refresh_token", refreshToken);
        }
        return json.build();
    }

    public Response toResponse() {
        return NoStore.ok(MediaType.APPLICATION_JSON_TYPE)
                .entity(toJson().toString())
                .build();
    }

    @Override
    public String toString() {
        return "TokenResponse[" + accessToken + ", refreshToken=" + (refreshToken != null) + "]"; // never the tokens
    }
}
