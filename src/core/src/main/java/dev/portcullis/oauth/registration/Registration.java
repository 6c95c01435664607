package dev.portcullis.oauth.registration;

import dev.portcullis.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/**
 * A registered client as the registration endpoints return it. {@code clientSecret} and
 * {@code registrationAccessToken} are set only in the response that created them: the server keeps hashes.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7591#section-3.2.1">RFC 7591 section 3.2.1</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7592#section-3">RFC 7592 section 3</a>
 */
public record Registration(
        String clientId,
        JsonObject metadata,
        Instant issuedAt,
        boolean hasSecret,
        String clientSecret,
        Instant secretExpiresAt,
        String registrationAccessToken) {

    /** The JSON response: every registered field, the client's identifiers, and the one-time credentials. */
    public JsonObject toJson(String registrationClientUri) {
        JsonObjectBuilder json = Jsons.PROVIDER
                .createObjectBuilder(metadata)
                .add("client_id", clientId)
                .add("client_id_issued_at", issuedAt.getEpochSecond());
        if (clientSecret != null) {
            json.add("client_secret", clientSecret);
        }
        if (hasSecret) {
            json.add("client_secret_expires_at", secretExpiresAt == null ? 0 : secretExpiresAt.getEpochSecond());
        }
        if (registrationAccessToken != null) {
            json.add("registration_access_token", registrationAccessToken);
        }
        return json.add("registration_client_uri", registrationClientUri).build();
    }
}
