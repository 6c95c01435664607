package dev.portcullis.oauth.console;

import dev.portcullis.audit.AuditEvent;
import dev.portcullis.audit.AuditEventType;
import dev.portcullis.audit.AuditTrail;
import dev.portcullis.config.ConsoleConfig;
import dev.portcullis.oauth.authorize.FormTokens;
import dev.portcullis.oauth.authorize.LoginCookie;
import dev.portcullis.oauth.authorize.RealmUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;

/**
 * The signed-in user of a page request, whether they are an operator (realm group
 * {@code portcullis.console.operator-group}), and the check of every form they post: this origin
 * ({@link SameOrigin}) and a CSRF token for this user's login session, this action and its target.
 */
@ApplicationScoped
public class SignedInUser {

    @Inject
    private FormTokens formTokens;

    @Inject
    private ConsoleConfig config;

    @Inject
    private AuditTrail audit;

    @Inject
    private LoginCookie loginCookie;

    /** The user, recording their login on the first page after it; null when nobody is signed in. */
    RealmUser of(HttpServletRequest http, HttpServletResponse response) {
        boolean loggingIn = RealmUser.loggingIn(http, loginCookie);
        RealmUser user = RealmUser.of(http, response, loginCookie);
        if (user != null && loggingIn) {
            audit.record(AuditEvent.of(AuditEventType.LOGIN_SUCCEEDED).subject(user.subject()));
        }
        return user;
    }

    boolean operator(RealmUser user) {
        return user != null && user.groups().contains(config.operatorGroup());
    }

    String operatorGroup() {
        return config.operatorGroup();
    }

    /** A CSRF token for a form of {@code user} doing {@code action} on {@code target}. */
    String token(RealmUser user, String action, String target) {
        return formTokens.issue(action, user.formHolder(), target);
    }

    /** Whether a posted form is genuine: same origin, and its token is for this user, action and target. */
    boolean genuine(
            HttpServletRequest http,
            RealmUser user,
            MultivaluedMap<String, String> form,
            String action,
            String target) {
        return user != null
                && target != null
                && SameOrigin.holds(http)
                && formTokens.valid(
                        Optional.ofNullable(form.getFirst("csrf_token")).orElse(null),
                        action,
                        user.formHolder(),
                        target);
    }
}
