package dev.portcullis.oauth.authorize;

import dev.portcullis.oauth.keys.Secrets;
import dev.portcullis.oauth.pages.LoginPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * When the realm logged the user in, as this server saw it: recorded at the first request to a login-protected page
 * ({@code /authorize}, {@code /consents}) after the login, and kept in the browser in a cookie the servers sign
 * ({@link LoginCookie}), so that every server of a cluster sees the same moment and key. With FORM login the
 * container answers {@code j_security_check} with a redirect to exactly such a page, so the moment is the login's,
 * to within one redirect round trip (stored in whole seconds). Portable: the Servlet API offers no login time, and
 * nothing the client application sends is used. A cookie of another user (or none) starts a new moment, and so does
 * a new login: the login page drops the cookie ({@link LoginPage}). {@code sessionKey} is random per moment: it
 * ties consent forms to this login in this browser ({@link FormTokens}).
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#IDToken">OpenID Connect Core 1.0 section 2 (auth_time)</a>
 */
public record LoginMoment(String subject, Instant at, String sessionKey) implements Serializable {

    public LoginMoment {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(sessionKey, "sessionKey");
    }

    /** The moment {@code subject} logged in, from the request's login cookie, or recorded now (and sent) if this is the first request. */
    static LoginMoment of(
            HttpServletRequest request, HttpServletResponse response, String subject, LoginCookie cookie) {
        return cookie.read(request, subject).orElseGet(() -> {
            LoginMoment now =
                    new LoginMoment(subject, Instant.now().truncatedTo(ChronoUnit.SECONDS), Secrets.random(16));
            cookie.write(response, now);
            return now;
        });
    }

    /** Whether {@code request} already carries {@code subject}'s login moment (else the next {@link #of} is a new login). */
    static boolean recorded(HttpServletRequest request, String subject, LoginCookie cookie) {
        return cookie.read(request, subject).isPresent();
    }

    /** Who holds a form: the user and this login of theirs (for the CSRF token's HMAC). */
    String holder() {
        return subject + "\n" + sessionKey;
    }
}
