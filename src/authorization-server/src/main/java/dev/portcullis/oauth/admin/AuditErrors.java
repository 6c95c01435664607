package dev.portcullis.oauth.admin;

import dev.portcullis.json.Jsons;
import dev.portcullis.oauth.error.OAuthErrorCodes;
import dev.portcullis.platform.web.NoStore;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The audit API's error answers: RFC 6749 section 5.2 shaped JSON, never cached. */
final class AuditErrors {

    private AuditErrors() {}

    static Response badRequest(String description) {
        return error(400, OAuthErrorCodes.INVALID_REQUEST, description).build();
    }

    static Response unauthorized(String description) {
        return error(401, "unauthorized", description)
                .header("WWW-Authenticate", "Basic realm=\"" + AdminAccess.REALM + "\", charset=\"UTF-8\"")
                .build();
    }

    static Response forbidden(String description) {
        return error(403, "forbidden", description).build();
    }

    static Response unavailable() {
        return error(
                        503,
                        OAuthErrorCodes.TEMPORARILY_UNAVAILABLE,
                        "the audit trail cannot be read now; try again later")
                .build();
    }

    private static Response.ResponseBuilder error(int status, String error, String description) {
        return NoStore.set(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE))
                .entity(Jsons.PROVIDER
                        .createObjectBuilder()
                        .add("error", error)
                        .add("error_description", description)
                        .build()
                        .toString());
    }
}
