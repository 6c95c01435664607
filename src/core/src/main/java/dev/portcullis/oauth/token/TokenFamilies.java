package dev.portcullis.oauth.token;

import dev.portcullis.mcp.protocol.JsonInput;
import dev.portcullis.config.AuthServerConfig;
import dev.portcullis.mcp.protocol.Jsons;
import dev.portcullis.oauth.client.RegisteredClient;
import dev.portcullis.oauth.error.OAuthException;
import dev.portcullis.oauth.grant.AuthorizationCodes;
import dev.portcullis.oauth.grant.AuthorizationGrant;
import dev.portcullis.oauth.error.TokenErrors;
import dev.portcullis.oauth.registration.Secrets;
import dev.portcullis.oauth.revocation.RevocationService;
import dev.portcullis.persistence.RefreshTokenEntity;
import dev.portcullis.persistence.TokenFamilyEntity;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Token families: one per authorization, holding the refresh tokens rotated from it. One JTA transaction per call,
 * committed before the token response is written, so an answered refresh survives a restart.
 *
 * <p><b>Rotation.</b> Every refresh returns a new refresh token and marks the presented one rotated, atomically
 * (a conditional UPDATE, so two concurrent refreshes cannot both rotate it). <b>Reuse</b> of a rotated token
 * within {@code portcullis.oauth.refresh-token.reuse-grace} (default 30 s) is tolerated and answered with a
 * <em>fresh pair</em> (a new access token and a new refresh token of the same family): the successor is stored only
 * as a hash, so it cannot be sent again, and a client running several sessions on one refresh token keeps all of
 * them. Reuse after the window is treated as theft: the whole family is revoked (refresh tokens and access
 * tokens), in its own transaction, and the answer is {@code invalid_grant}.
 *
 * <p>The refresh token keeps the family's scope; the access token gets the requested scope, which may only narrow
 * it. Each refresh token lives {@code portcullis.oauth.refresh-token.lifetime} from its issue (30 days), so a
 * family in use does not expire.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1-13#section-4.3">OAuth 2.1 section 4.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700 section 4.14.2 (rotation)</a>
 */
@Stateless
public class TokenFamilies {

    public static final String REFRESH_GRANT_TYPE = "refresh_token";
    private static final Logger LOG = Logger.getLogger(TokenFamilies.class.getName());

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @Inject
    private AccessTokenIssuer issuer;

    @Inject
    private AuthServerConfig config;

    @EJB
    private RevocationService revocations;

    @EJB
    private AuthorizationCodes codes;

    private final Clock clock = Clock.systemUTC();

    /**
     * Starts a family for an authorization: an access token, and a refresh token when the client registered the
     * {@code refresh_token} grant.
     */
    public TokenResponse start(RegisteredClient client, AuthorizedGrant grant) {
        Instant now = clock.instant();
        TokenFamilyEntity family = new TokenFamilyEntity(Secrets.random(16), grant.grantId(), client.clientId(),
                grant.subject(), groupsJson(grant.groups()), Scopes.join(grant.scopes()), grant.resource(),
                grant.authenticatedAt(), now);
        em.persist(family);
        em.flush(); // the refresh token's foreign key needs the family row first; JPA does not know the relation
        String refreshToken = client.grantTypes().contains(REFRESH_GRANT_TYPE) ? newRefreshToken(family, now) : null;
        IssuedAccessToken accessToken = accessToken(family, grant.scopes(), now);
        LOG.fine(() -> "Started token family " + family.getFamilyId() + " for client " + client.clientId() + ".");
        return new TokenResponse(accessToken, refreshToken);
    }

    /**
     * Redeems an authorization code and starts its family, in one transaction: if storing the family fails, the code
     * stays unused. A {@code resource} sent with the code must be the one it was issued for.
     */
    public TokenResponse redeem(RegisteredClient client, String code, String redirectUri, String verifier, List<String> resources) {
        AuthorizationGrant grant = codes.redeem(code, client.clientId(), redirectUri, verifier);
        Resources.requireOnly(resources, grant.resource());
        return start(client, AuthorizationCodeGrant.authorized(grant));
    }

    /**
     * The refresh_token grant with rotation and reuse detection. The presented token's row and then its family's row
     * are locked (SELECT ... FOR UPDATE, always in that order), so refreshes within one family run one after another
     * and cannot deadlock on Derby's row locks.
     */
    public TokenResponse refresh(RegisteredClient client, String refreshToken, Optional<String> scope, List<String> resources) {
        Instant now = clock.instant();
        String hash = Secrets.fastHash(refreshToken);
        RefreshTokenEntity presented = em.find(RefreshTokenEntity.class, hash, LockModeType.PESSIMISTIC_WRITE);
        if (presented == null || !now.isBefore(presented.getExpiresAt())) {
            throw invalidRefreshToken();
        }
        if (presented.getRotatedAt() != null && now.isAfter(presented.getRotatedAt().plus(config.refreshTokenReuseGrace()))) {
            throw reusedAfterGraceWindow(presented.getFamilyId(), client);
        }
        TokenFamilyEntity family = em.find(TokenFamilyEntity.class, presented.getFamilyId(), LockModeType.PESSIMISTIC_WRITE);
        if (family == null || family.isRevoked() || !family.getClientId().equals(client.clientId())) {
            throw invalidRefreshToken();
        }
        Resources.requireOnly(resources, family.getResource());
        List<String> scopes = Scopes.narrow(scope, Scopes.parse(family.getScope()));
        if (presented.getRotatedAt() != null || em.createNamedQuery(RefreshTokenEntity.MARK_ROTATED)
                .setParameter("now", now).setParameter("hash", hash).executeUpdate() == 0) {
            LOG.fine(() -> "Refresh token reused within the grace window in family " + family.getFamilyId() + ": a fresh pair.");
        }
        String successor = newRefreshToken(family, now);
        return new TokenResponse(accessToken(family, scopes, now), successor);
    }

    /**
     * Reuse after the window is treated as theft: the family is revoked in a transaction of its own, which commits
     * although this one rolls back. This transaction has not read the family row, so the two cannot block each other.
     */
    private OAuthException reusedAfterGraceWindow(String familyId, RegisteredClient client) {
        if (revocations.revokeFamilyOf(familyId, client.clientId())) {
            LOG.warning(() -> "A rotated refresh token of client " + client.clientId() + " was used again after the grace"
                    + " window; token family " + familyId + " is revoked.");
            return TokenErrors.invalidGrant("the refresh token was already used; the authorization is revoked");
        }
        return invalidRefreshToken();
    }

    private static OAuthException invalidRefreshToken() {
        return TokenErrors.invalidGrant("the refresh token is invalid, expired or revoked");
    }

    private String newRefreshToken(TokenFamilyEntity family, Instant now) {
        String token = Secrets.random(32);
        Instant expiresAt = now.plus(config.refreshTokenLifetime());
        em.persist(new RefreshTokenEntity(Secrets.fastHash(token), family.getFamilyId(), now, expiresAt));
        family.extendTo(expiresAt);
        return token;
    }

    private IssuedAccessToken accessToken(TokenFamilyEntity family, List<String> scopes, Instant now) {
        TokenSubject subject = new TokenSubject(family.getSubject(), groups(family.getGroupsJson()), family.getResource(),
                family.getAuthenticatedAt());
        IssuedAccessToken token = issuer.issue(subject, family.getClientId(), scopes, family.getFamilyId(), now);
        family.extendTo(now.plusSeconds(token.expiresIn()));
        return token;
    }

    private static String groupsJson(List<String> groups) {
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        groups.forEach(array::add);
        return array.build().toString();
    }

    private static List<String> groups(String json) {
        return JsonInput.read(json).asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString)
                .toList();
    }
}
