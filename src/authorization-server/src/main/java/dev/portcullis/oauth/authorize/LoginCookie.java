package dev.portcullis.oauth.authorize;

import dev.portcullis.oauth.keys.DerivedKeys;
import dev.portcullis.oauth.pages.LoginPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Carries the {@link LoginMoment} in the browser, not in one server's HTTP session, so that any server of a cluster
 * behind a balancer without sticky sessions knows when this login happened and which key binds its forms: a cookie
 * {@value #NAME} holding the subject, the moment and the session key, with an HMAC-SHA256 under a key derived from
 * the key-encryption key ({@link DerivedKeys}, the same on every server). It proves nothing about who is logged in
 * (the realm's sign-on does that, and the cookie's subject must equal the logged-in user); it only keeps the
 * moment and the key stable across servers. The login page drops it ({@link LoginPage}).
 *
 * <p>{@code __Host-} prefix, {@code Secure}, {@code HttpOnly}, {@code SameSite=Lax}, a session cookie (gone with the
 * browser session, like the sign-on cookie), and refused after {@link #MAX_AGE} whatever the browser does.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6265#section-4.1">RFC 6265 section 4.1</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-4.1.3.2">The __Host- prefix</a>
 */
@ApplicationScoped
public class LoginCookie {

    static final String NAME = LoginPage.LOGIN_COOKIE;
    /** Longer than any sign-on lasts (liberty-config/server.xml: 120 minutes). */
    static final Duration MAX_AGE = Duration.ofHours(12);

    private static final String PURPOSE = "login cookie";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    @Inject
    private DerivedKeys derivedKeys;

    @Inject
    private Clock clock;

    /** The moment the request's cookie holds for {@code subject}, if it is genuine, this user's and not too old. */
    Optional<LoginMoment> read(HttpServletRequest request, String subject) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName())) {
                Optional<LoginMoment> moment = parse(cookie.getValue());
                if (moment.isPresent()
                        && moment.get().subject().equals(subject)
                        && moment.get().at().plus(MAX_AGE).isAfter(clock.instant())) {
                    return moment;
                }
            }
        }
        return Optional.empty();
    }

    /** Sends the moment to the browser. */
    void write(HttpServletResponse response, LoginMoment moment) {
        String payload = ENCODER.encodeToString(moment.subject().getBytes(StandardCharsets.UTF_8)) + "."
                + moment.at().getEpochSecond() + "." + moment.sessionKey();
        response.addHeader(
                "Set-Cookie",
                NAME + "=" + payload + "." + ENCODER.encodeToString(mac(payload))
                        + "; Path=/; Secure; HttpOnly; SameSite=Lax");
    }

    private Optional<LoginMoment> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int macStart = value.lastIndexOf('.');
        if (macStart <= 0) {
            return Optional.empty();
        }
        String payload = value.substring(0, macStart);
        byte[] expected = ENCODER.encodeToString(mac(payload)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, value.substring(macStart + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String[] parts = payload.split("\\.", -1);
        if (parts.length != 3 || parts[2].isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LoginMoment(
                    new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8),
                    Instant.ofEpochSecond(Long.parseLong(parts[1])),
                    parts[2]));
        } catch (IllegalArgumentException e) { // also NumberFormatException
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(derivedKeys.forPurpose(PURPOSE), "HmacSHA256"));
            byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
            mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
            return mac.doFinal(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
