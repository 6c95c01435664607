package dev.portcullis.oauth.token;

import dev.portcullis.oauth.error.TokenErrors;
import dev.portcullis.oauth.grant.AuthorizationCodes;
import dev.portcullis.oauth.model.RegisteredClient;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code authorization_code} grant: {@link AuthorizationCodes} redeems the code once, checking the client,
 * {@code redirect_uri} and the PKCE {@code code_verifier}; a family of tokens starts from the grant. A {@code resource}
 * sent here must be the one the code was issued for. The code is redeemed and the family stored in one transaction
 * ({@link TokenFamilies#redeem}), so a failure after redemption leaves the code unused.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3">RFC 6749 section 4.1.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636#section-4.5">RFC 7636 section 4.5</a>
 */
@ApplicationScoped
public class AuthorizationCodeGrant {

    public static final String GRANT_TYPE = "authorization_code";

    @EJB
    private TokenFamilies families;

    public TokenResponse grant(RegisteredClient client, FormParameters form) {
        if (!client.grantTypes().contains(GRANT_TYPE)) {
            throw TokenErrors.unauthorizedClient("the client is not registered for the authorization_code grant");
        }
        String code = form.required("code");
        String verifier = form.required("code_verifier");
        return families.redeem(client, code, form.single("redirect_uri").orElse(null), verifier, form.all("resource"));
    }
}
