package dev.portcullis.oauth.admin;

import dev.portcullis.config.AuditConfig;
import dev.portcullis.oauth.authorize.RealmGroups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Who may read the audit trail: a user the realm authenticates (HTTP Basic through
 * {@link HttpServletRequest#login}, the portable Servlet call that checks a password against the container's realm)
 * who is in the realm group {@code portcullis.audit.admin-group}. Without credentials or with wrong ones: 401 with a
 * Basic challenge; a valid user outside the group: 403.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7617#section-2">RFC 7617 section 2 (Basic)</a>
 */
@ApplicationScoped
public class AdminAccess {

    static final String REALM = "portcullis-audit";

    @Inject
    private AuditConfig config;

    /** The refusal for this request, or empty when its user may read the audit trail (then logged in to it). */
    public Optional<Response> refusal(HttpServletRequest request) {
        if (request.getUserPrincipal() == null) {
            Optional<String[]> credentials = basic(request.getHeader("Authorization"));
            if (credentials.isEmpty()) {
                return Optional.of(
                        AuditErrors.unauthorized("HTTP Basic credentials of an audit administrator are required"));
            }
            try {
                request.login(credentials.get()[0], credentials.get()[1]);
            } catch (ServletException e) {
                return Optional.of(AuditErrors.unauthorized("the user name or password is wrong"));
            }
        }
        if (!RealmGroups.of(request).contains(config.adminGroup())) {
            return Optional.of(
                    AuditErrors.forbidden("the audit trail is open to the group " + config.adminGroup() + " only"));
        }
        return Optional.empty();
    }

    /** Ends a login {@link #refusal} made for this request only, so no session or cookie outlives it. */
    public void end(HttpServletRequest request, boolean loggedInHere) {
        if (loggedInHere) {
            try {
                request.logout();
            } catch (ServletException e) {
                // nothing to end
            }
        }
    }

    private static Optional<String[]> basic(String authorization) {
        if (authorization == null
                || !authorization.regionMatches(true, 0, "Basic ", 0, 6)
                || authorization.length() > 1024) {
            return Optional.empty();
        }
        try {
            String decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0
                    ? Optional.empty()
                    : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
