package dev.portcullis.oauth.token;

import dev.portcullis.audit.AuditEvent;
import dev.portcullis.audit.AuditEventType;
import dev.portcullis.audit.AuditTrail;
import dev.portcullis.config.AuthServerConfig;
import dev.portcullis.json.JsonInput;
import dev.portcullis.json.Jsons;
import dev.portcullis.oauth.error.OAuthException;
import dev.portcullis.oauth.error.TokenErrors;
import dev.portcullis.oauth.grant.AuthorizationCodes;
import dev.portcullis.oauth.keys.Secrets;
import dev.portcullis.oauth.model.AuthorizationGrant;
import dev.portcullis.oauth.model.RegisteredClient;
import dev.portcullis.oauth.revocation.RevocationService;
import dev.portcullis.persistence.RefreshTokenEntity;
import dev.portcullis.persistence.TokenFamilyEntity;
import dev.portcullis.telemetry.Telemetry;
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
 * (a conditional UPDATE, so two concurrent refreshes cannot both rotate it), storing the successor sealed with the
 * presented token ({@link SealedSuccessor}). <b>Reuse</b> of a rotated token within
 * {@code portcullis.oauth.refresh-token.reuse-grace} (default 30 s) is tolerated and answered with a new access token
 * and the <em>same</em> successor, so concurrent refreshes never fork the family into two live refresh tokens; if
 * that successor was itself rotated already, the reuse is refused ({@code invalid_grant}, the family stays). Reuse
 * after the window is treated as theft: the whole family is revoked (refresh tokens and access tokens), in its own
 * transaction, and the answer is {@code invalid_grant}.
 *
 * <p><b>Lifetimes.</b> Each refresh token expires {@code portcullis.oauth.refresh-token.idle-lifetime} (14 days)
 * after its issue unless used; a family ends {@code portcullis.oauth.refresh-token.absolute-lifetime} (30 days)
 * after it started (the code redemption that followed the login): no refresh token's expiry passes that end, and a
 * refresh after it is {@code invalid_grant}. Refreshed access tokens carry the subject and groups of the login:
 * the token endpoint has no realm session and the realm cannot be asked portably without the password, so changed
 * groups take effect at the next login, at the latest when the family ends.
 *
 * <p>The refresh token keeps the family's scope; the access token gets the requested scope, which may only narrow
 * it.
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
    private Telemetry telemetry;

    @Inject
    private AccessTokenIssuer issuer;

    @Inject
    private AuthServerConfig config;

    @EJB
    private RevocationService revocations;

    @EJB
    private AuthorizationCodes codes;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    /**
     * Starts a family for an authorization: an access token, and a refresh token when the client registered the
     * {@code refresh_token} grant.
     */
    public TokenResponse start(RegisteredClient client, AuthorizationGrant grant) {
        Instant now = clock.instant();
        TokenFamilyEntity family = new TokenFamilyEntity(
                Secrets.random(16),
                grant.grantId(),
                client.clientId(),
                grant.subject(),
                groupsJson(grant.groups()),
                Scopes.join(grant.scopes()),
                grant.resource(),
                grant.authenticatedAt(),
                now);
        family.setFlowId(grant.flowId());
        audit.joinFlow(grant.flowId());
        em.persist(family);
        em.flush(); // the refresh token's foreign key needs the family row first; JPA does not know the relation
        String refreshToken = null;
        if (client.grantTypes().contains(REFRESH_GRANT_TYPE)) {
            refreshToken = Secrets.random(32);
            storeRefreshToken(refreshToken, family, now);
        }
        IssuedAccessToken accessToken = accessToken(family, grant.scopes(), now);
        LOG.fine(() -> "Started token family " + family.getFamilyId() + " for client " + client.clientId() + ".");
        return new TokenResponse(accessToken, refreshToken);
    }

    /**
     * Redeems an authorization code and starts its family, in one transaction: if storing the family fails, the code
     * stays unused. A {@code resource} sent with the code must be the one it was issued for.
     */
    public TokenResponse redeem(
            RegisteredClient client, String code, String redirectUri, String verifier, List<String> resources) {
        AuthorizationGrant grant = codes.redeem(code, client.clientId(), redirectUri, verifier);
        Resources.requireOnly(resources, grant.resource());
        return start(client, grant);
    }

    /**
     * The refresh_token grant with rotation and reuse detection. The presented token's row and then its family's row
     * are locked (SELECT ... FOR UPDATE, always in that order), so refreshes within one family run one after another
     * and cannot deadlock on Derby's row locks.
     */
    public TokenResponse refresh(
            RegisteredClient client, String refreshToken, Optional<String> scope, List<String> resources) {
        Instant now = clock.instant();
        String hash = Secrets.fastHash(refreshToken);
        RefreshTokenEntity presented = em.find(RefreshTokenEntity.class, hash, LockModeType.PESSIMISTIC_WRITE);
        if (presented == null || !now.isBefore(presented.getExpiresAt())) {
            throw invalidRefreshToken();
        }
        if (presented.getRotatedAt() != null
                && now.isAfter(presented.getRotatedAt().plus(config.refreshTokenReuseGrace()))) {
            throw reusedAfterGraceWindow(presented.getFamilyId(), client);
        }
        TokenFamilyEntity family =
                em.find(TokenFamilyEntity.class, presented.getFamilyId(), LockModeType.PESSIMISTIC_WRITE);
        if (family != null) {
            audit.joinFlow(family.getFlowId());
        }
        if (family == null || family.isRevoked() || !family.getClientId().equals(client.clientId())) {
            throw invalidRefreshToken();
        }
        if (!now.isBefore(absoluteEnd(family))) {
            throw TokenErrors.invalidGrant(
                    "the authorization has reached its maximum lifetime; the user has to sign in again");
        }
        Resources.requireOnly(resources, family.getResource());
        List<String> scopes = Scopes.narrow(scope, Scopes.parse(family.getScope()));
        String successor = presented.getRotatedAt() == null ? rotate(presented, refreshToken, family, now) : null;
        boolean rotated = successor != null;
        if (successor == null) {
            successor = sameSuccessor(presented, refreshToken, now);
            LOG.fine(() -> "Refresh token reused within the grace window in family " + family.getFamilyId()
                    + ": the same successor.");
        }
        audit.record(AuditEvent.of(AuditEventType.REFRESH_ROTATED)
                .subject(family.getSubject())
                .client(client.clientId())
                .detail("family", family.getFamilyId())
                .detail("within_grace", !rotated));
        return new TokenResponse(accessToken(family, scopes, now), successor);
    }

    /** Marks the presented token rotated, with its sealed successor; null if another refresh rotated it first. */
    private String rotate(RefreshTokenEntity presented, String refreshToken, TokenFamilyEntity family, Instant now) {
        String successor = Secrets.random(32);
        int marked = em.createNamedQuery(RefreshTokenEntity.MARK_ROTATED)
                .setParameter("now", now)
                .setParameter("successor", SealedSuccessor.seal(successor, refreshToken, presented.getTokenHash()))
                .setParameter("hash", presented.getTokenHash())
                .executeUpdate();
        if (marked == 0) {
            em.refresh(presented);
            return null;
        }
        storeRefreshToken(successor, family, now);
        return successor;
    }

    /**
     * The successor the first rotation of this token returned, for a refresh repeated within the grace window;
     * refused if it cannot be opened (rotated before successors were kept) or was itself rotated or has expired.
     */
    private String sameSuccessor(RefreshTokenEntity presented, String refreshToken, Instant now) {
        Optional<String> successor =
                SealedSuccessor.open(presented.getSuccessorSealed(), refreshToken, presented.getTokenHash());
        RefreshTokenEntity next = successor
                .map(s -> em.find(RefreshTokenEntity.class, Secrets.fastHash(s)))
                .orElse(null);
        if (next == null || next.getRotatedAt() != null || !now.isBefore(next.getExpiresAt())) {
            throw TokenErrors.invalidGrant("the refresh token was already used; use the refresh token issued for it");
        }
        return successor.get();
    }

    /**
     * Reuse after the window is treated as theft: the family is revoked in a transaction of its own, which commits
     * although this one rolls back. This transaction has not read the family row, so the two cannot block each other.
     */
    private OAuthException reusedAfterGraceWindow(String familyId, RegisteredClient client) {
        telemetry.refreshReplay();
        if (revocations.revokeReplayedFamily(familyId, client.clientId())) {
            LOG.warning(() -> "A rotated refresh token of client " + client.clientId()
                    + " was used again after the grace" + " window; token family " + familyId + " is revoked.");
            return TokenErrors.invalidGrant("the refresh token was already used; the authorization is revoked");
        }
        return invalidRefreshToken();
    }

    private static OAuthException invalidRefreshToken() {
        return TokenErrors.invalidGrant("the refresh token is invalid, expired or revoked");
    }

    /** Stores a refresh token that expires after the idle lifetime, but never after the family's absolute end. */
    private void storeRefreshToken(String token, TokenFamilyEntity family, Instant now) {
        Instant idleEnd = now.plus(config.refreshTokenIdleLifetime());
        Instant absoluteEnd = absoluteEnd(family);
        Instant expiresAt = idleEnd.isBefore(absoluteEnd) ? idleEnd : absoluteEnd;
        em.persist(new RefreshTokenEntity(Secrets.fastHash(token), family.getFamilyId(), now, expiresAt));
        family.extendTo(expiresAt);
    }

    private Instant absoluteEnd(TokenFamilyEntity family) {
        return family.getCreatedAt().plus(config.refreshTokenAbsoluteLifetime());
    }

    private IssuedAccessToken accessToken(TokenFamilyEntity family, List<String> scopes, Instant now) {
        TokenSubject subject = new TokenSubject(
                family.getSubject(), groups(family.getGroupsJson()), family.getResource(), family.getAuthenticatedAt());
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
        return JsonInput.read(json).asJsonArray().getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}
