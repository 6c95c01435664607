package dev.portcullis.oauth.authorize;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The user the realm logged in: the name it knows them by, their realm groups, and this login of theirs
 * ({@link LoginMoment}: when it happened, and the key that binds forms to it).
 */
public record RealmUser(String subject, List<String> groups, LoginMoment login) {

    public RealmUser {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(login, "login");
        groups = List.copyOf(groups);
    }

    /** The logged-in user of {@code request}, or null when nobody is logged in. */
    public static RealmUser of(HttpServletRequest request, HttpServletResponse response, LoginCookie cookie) {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            return null;
        }
        return new RealmUser(
                principal.getName(),
                RealmGroups.of(request),
                LoginMoment.of(request, response, principal.getName(), cookie));
    }

    /** Whether the user of {@code request} logged in just now: their first request to a login-protected page. */
    public static boolean loggingIn(HttpServletRequest request, LoginCookie cookie) {
        Principal principal = request.getUserPrincipal();
        return principal != null && !LoginMoment.recorded(request, principal.getName(), cookie);
    }

    /** When the user logged in: the {@code auth_time} of the tokens issued from this login. */
    public Instant authenticatedAt() {
        return login.at();
    }

    /** The form holder for {@link FormTokens}: this user in this login session. */
    public String formHolder() {
        return login.holder();
    }
}
