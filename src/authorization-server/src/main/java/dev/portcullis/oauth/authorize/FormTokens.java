package dev.portcullis.oauth.authorize;

import dev.portcullis.config.AuthorizeConfig;
import dev.portcullis.oauth.keys.DerivedKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF tokens for the consent and consent-withdrawal forms: an expiry and an HMAC-SHA256 over the purpose, the
 * holder (the logged-in user and the random key of their login session, {@link LoginMoment}) and what the form is
 * about (for consent: every parameter of the authorization request). A token is useless for another user, another
 * login session, another form or another request, and expires after ten minutes. The token itself is stateless;
 * the key is {@code portcullis.oauth.authorize.form-key}, else derived from the key-encryption key
 * ({@link DerivedKeys}), so a form shown by one server of a cluster is accepted by another, and across restarts.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.12">RFC 6749 section 10.12</a>
 * @see <a href="https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html">OWASP: HMAC-based token</a>
 */
@ApplicationScoped
public class FormTokens {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    @Inject
    private AuthorizeConfig config;

    @Inject
    private DerivedKeys derivedKeys;

    @Inject
    private Clock clock;

    public String issue(String purpose, String holder, String binding) {
        long expires = clock.instant().plus(LIFETIME).getEpochSecond();
        return expires + "." + ENCODER.encodeToString(mac(purpose, holder, binding, expires));
    }

    /** Whether {@code token} was issued for this purpose, holder and binding, and has not expired. */
    public boolean valid(String token, String purpose, String holder, String binding) {
        if (token == null) {
            return false;
        }
        int dot = token.indexOf('.');
        try {
            long expires = Long.parseLong(token.substring(0, Math.max(dot, 0)));
            byte[] expected = ENCODER.encodeToString(mac(purpose, holder, binding, expires))
                    .getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))
                    && clock.instant().getEpochSecond() < expires;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private byte[] mac(String purpose, String holder, String binding, long expires) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(
                    config.formKey().orElseGet(() -> derivedKeys.forPurpose("consent form tokens")), HMAC));
            for (String part : new String[] {purpose, holder, binding}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                mac.update(bytes);
            }
            return mac.doFinal(ByteBuffer.allocate(8).putLong(expires).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
