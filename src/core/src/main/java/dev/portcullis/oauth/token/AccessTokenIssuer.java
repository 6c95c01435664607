package dev.portcullis.oauth.token;

import dev.portcullis.config.AuthServerConfig;
import dev.portcullis.oauth.keys.NimbusJose;
import dev.portcullis.oauth.keys.Secrets;
import dev.portcullis.oauth.keys.SigningKeys;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issues access tokens: JWTs in the RFC 9068 profile ({@code typ: at+jwt}), signed ES256 with the active key.
 * Claims: {@code iss}, {@code sub} (the realm user, or the client for client_credentials), {@code aud} (the MCP
 * resource), {@code client_id}, {@code scope}, {@code groups} (realm groups), {@code iat}, {@code exp},
 * {@code jti}, and {@code auth_time} when a user logged in.
 *
 * <p>The {@code jti} of a token issued from a refresh-token family is {@code <family id>.<random>}: revoking the
 * family revokes the token without a database row per access token
 * ({@link dev.portcullis.oauth.revocation.AccessTokenRevocations}). Other tokens get a random {@code jti}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068#section-2">RFC 9068 section 2</a>
 */
@ApplicationScoped
public class AccessTokenIssuer {

    /** The JWT {@code typ} header of RFC 9068 section 2.1. */
    public static final String TYPE = "at+jwt";

    @EJB
    private SigningKeys keys;

    @Inject
    private AuthServerConfig config;

    /** A token for {@code subject}, issued to {@code clientId}; {@code familyId} is null outside a family. */
    public IssuedAccessToken issue(
            TokenSubject subject, String clientId, List<String> scopes, String familyId, Instant now) {
        return issue(subject, clientId, scopes, familyId, now, config.accessTokenLifetime());
    }

    /** {@link #issue(TokenSubject, String, List, String, Instant)} with its own lifetime (a personal access token). */
    public IssuedAccessToken issue(
            TokenSubject subject,
            String clientId,
            List<String> scopes,
            String familyId,
            Instant now,
            Duration lifetime) {
        String jti = familyId == null ? Secrets.random(16) : familyId + "." + Secrets.random(16);
        long issuedAt = now.getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", config.issuer());
        claims.put("sub", subject.name());
        claims.put("aud", subject.resource());
        claims.put("client_id", clientId);
        claims.put("scope", Scopes.join(scopes));
        claims.put("groups", subject.groups());
        claims.put("iat", issuedAt);
        claims.put("exp", issuedAt + lifetime.toSeconds());
        claims.put("jti", jti);
        if (subject.authenticatedAt() != null) {
            claims.put("auth_time", subject.authenticatedAt().getEpochSecond());
        }
        return new IssuedAccessToken(
                NimbusJose.sign(claims, keys.active(), TYPE),
                jti,
                lifetime.toSeconds(),
                scopes,
                subject.name(),
                subject.resource());
    }
}
