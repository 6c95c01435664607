package dev.portcullis.oauth.revocation;

import dev.portcullis.config.AuthServerConfig;
import dev.portcullis.oauth.keys.NimbusJose;
import dev.portcullis.oauth.keys.SigningKeys;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an access token presented for revocation: only a token this server signed (a published key verifies it,
 * and its {@code iss} is ours) yields its {@code jti}, {@code client_id} and expiry.
 */
@ApplicationScoped
public class AccessTokenClaims {

    @EJB
    private SigningKeys keys;

    @Inject
    private AuthServerConfig config;

    /** The identifying claims of a token this server issued. */
    public record Claims(String jti, String clientId, Instant expiresAt) {}

    public Optional<Claims> verified(String jwt) {
        Map<String, Object> claims = NimbusJose.verify(jwt, keys.published());
        if (claims == null
                || !config.issuer().equals(claims.get("iss"))
                || !(claims.get("jti") instanceof String jti)
                || !(claims.get("client_id") instanceof String clientId)) {
            return Optional.empty();
        }
        Object exp = claims.get("exp");
        Instant expiresAt = exp instanceof Number seconds
                ? Instant.ofEpochSecond(seconds.longValue())
                : exp instanceof Date date ? date.toInstant() : null;
        return expiresAt == null ? Optional.empty() : Optional.of(new Claims(jti, clientId, expiresAt));
    }
}
