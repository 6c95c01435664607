package dev.portcullis.oauth.authorize;

import dev.portcullis.oauth.pages.LoginPages;
import dev.portcullis.oauth.registration.Secrets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * When the realm logged the user in, as this server saw it: kept in the HTTP session at the first request to a
 * login-protected page ({@code /authorize}, {@code /consents}) after the login. With FORM login the container
 * answers {@code j_security_check} with a redirect to exactly such a page, so the moment is the login's, to within
 * one redirect round trip (stored in whole seconds). Portable: the Servlet API offers no login time, and nothing the
 * client sends is used. A session of another user (or none) starts a new moment, and so does a new login in the same
 * session: the login page forgets the old moment ({@link LoginPages}). {@code sessionKey} is random per
 * moment: it ties consent forms to this login in this session ({@link FormTokens}).
 *
 * <p>Precision limit: if the HTTP session ends while the realm's single sign-on cookie is still valid, the next
 * request starts a new session and records a later time; the server configuration keeps the session at least as long
 * as the sign-on cookie (liberty-config/server.xml), so this happens only after a server restart.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#IDToken">OpenID Connect Core 1.0 section 2 (auth_time)</a>
 */
public record LoginMoment(String subject, Instant at, String sessionKey) implements Serializable {

    static final String ATTRIBUTE = LoginPages.SESSION_LOGIN_ATTRIBUTE;

    public LoginMoment {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(sessionKey, "sessionKey");
    }

    /** The moment {@code subject} logged in to {@code request}'s session, recorded now if this is the first request. */
    static LoginMoment of(HttpServletRequest request, String subject) {
        HttpSession session = request.getSession(true);
        if (session.getAttribute(ATTRIBUTE) instanceof LoginMoment known && known.subject.equals(subject)) {
            return known;
        }
        LoginMoment now = new LoginMoment(subject, Instant.now().truncatedTo(ChronoUnit.SECONDS), Secrets.random(16));
        session.setAttribute(ATTRIBUTE, now);
        return now;
    }

    /** Whether {@code request}'s session already holds {@code subject}'s login moment (else the next {@link #of} is a new login). */
    static boolean recorded(HttpServletRequest request, String subject) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof LoginMoment known && known.subject.equals(subject);
    }

    /** Who holds a form: the user and this login of theirs (for the CSRF token's HMAC). */
    String holder() {
        return subject + "\n" + sessionKey;
    }
}
