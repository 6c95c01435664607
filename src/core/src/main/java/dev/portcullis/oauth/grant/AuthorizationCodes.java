package dev.portcullis.oauth.grant;

import static dev.portcullis.oauth.error.OAuthErrorCodes.INVALID_GRANT;

import dev.portcullis.audit.AuditEvent;
import dev.portcullis.audit.AuditEventType;
import dev.portcullis.audit.AuditTrail;
import dev.portcullis.config.AuthorizeConfig;
import dev.portcullis.json.JsonInput;
import dev.portcullis.json.Jsons;
import dev.portcullis.oauth.error.OAuthError;
import dev.portcullis.oauth.error.OAuthException;
import dev.portcullis.oauth.keys.Secrets;
import dev.portcullis.oauth.model.AuthorizationGrant;
import dev.portcullis.persistence.AuthorizationCodeEntity;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Issues and redeems authorization codes. A code is 256 random bits (base64url), stored only as its SHA-256
 * hash, valid for {@code portcullis.oauth.code.lifetime} (at most 60 s) and redeemable once: the first
 * redemption marks the row used in the same statement that checks it is unused, so two concurrent redemptions
 * cannot both succeed. Every failure is {@code invalid_grant} (RFC 6749 section 5.2) with a description that
 * never contains the code.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2">RFC 6749 section 4.1.2</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-10.10">RFC 6749 section 10.10 (code entropy)</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/draft-ietf-oauth-v2-1-13#section-4.1.3">OAuth 2.1 section 4.1.3</a>
 */
@Stateless
public class AuthorizationCodes {

    /** Used codes are kept this long after they expire, so that a late replay still revokes its tokens. */
    static final Duration REPLAY_MEMORY = Duration.ofDays(1);

    private static final Logger LOG = Logger.getLogger(AuthorizationCodes.class.getName());

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @Inject
    private AuthorizeConfig config;

    @EJB
    private CodeReplayNotifier notifier;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    /** Stores a new code for {@code approved} and returns the code, which exists nowhere else from now on. */
    public String issue(ApprovedAuthorization approved) {
        String code = Secrets.random(32);
        Instant now = clock.instant();
        AuthorizationCodeEntity row = new AuthorizationCodeEntity(
                Secrets.random(24), Secrets.fastHash(code), now, now.plus(config.codeLifetime()));
        row.bindClient(approved.clientId(), approved.redirectUri(), approved.redirectUriGiven());
        row.bindRequest(approved.codeChallenge(), approved.resource(), String.join(" ", approved.scopes()));
        row.bindUser(approved.subject(), toJson(approved.groups()), approved.authenticatedAt());
        row.setFlowId(approved.flowId());
        em.persist(row);
        em.flush();
        LOG.fine(() ->
                "Issued an authorization code (grant " + row.getGrantId() + ") to client " + approved.clientId() + ".");
        audit.record(AuditEvent.of(AuditEventType.CODE_ISSUED)
                .subject(approved.subject())
                .client(approved.clientId())
                .flow(approved.flowId())
                .detail("scope", String.join(" ", approved.scopes()))
                .detail("resource", approved.resource()));
        return code;
    }

    /**
     * Redeems {@code code} once (RFC 6749 section 4.1.3, RFC 7636 section 4.6). {@code redirectUri} may be null
     * only if the authorization request did not name one. A code presented again after its redemption fails and
     * fires {@link AuthorizationCodeReplayed}.
     *
     * @throws OAuthException {@code invalid_grant} for an unknown, expired, used or mismatched code, or a wrong verifier
     */
    public AuthorizationGrant redeem(String code, String clientId, String redirectUri, String codeVerifier) {
        if (code == null || code.isEmpty() || clientId == null) {
            throw invalidGrant("the authorization code is missing");
        }
        AuthorizationCodeEntity row = em.createNamedQuery(
                        AuthorizationCodeEntity.BY_HASH, AuthorizationCodeEntity.class)
                .setParameter("hash", Secrets.fastHash(code))
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> invalidGrant("the authorization code is unknown"));
        if (row.getUsedAt() != null) {
            throw replayed(row);
        }
        Instant now = clock.instant();
        if (!now.isBefore(row.getExpiresAt())) {
            throw invalidGrant("the authorization code has expired");
        }
        if (!Secrets.equalsConstantTime(clientId, row.getClientId())) {
            throw invalidGrant("the authorization code was issued to another client");
        }
        if (!redirectUriMatches(row, redirectUri)) {
            throw invalidGrant("redirect_uri does not match the authorization request");
        }
        if (!Pkce.verify(codeVerifier, row.getCodeChallenge())) {
            throw invalidGrant("code_verifier does not match the code_challenge");
        }
        int marked = em.createNamedQuery(AuthorizationCodeEntity.MARK_USED)
                .setParameter("now", now)
                .setParameter("grantId", row.getGrantId())
                .executeUpdate();
        if (marked == 0) {
            throw replayed(row);
        }
        LOG.fine(() -> "Redeemed the authorization code of grant " + row.getGrantId() + ".");
        return new AuthorizationGrant(
                row.getGrantId(),
                row.getClientId(),
                row.getSubject(),
                fromJson(row.getGroups()),
                words(row.getScope()),
                row.getResource(),
                row.getAuthenticatedAt(),
                row.getFlowId());
    }

    /** Deletes codes that expired before {@code now} minus a day (kept that long to recognise replays). */
    public int purgeExpired(Instant now) {
        return em.createNamedQuery(AuthorizationCodeEntity.PURGE)
                .setParameter("before", now.minus(REPLAY_MEMORY))
                .executeUpdate();
    }

    private static boolean redirectUriMatches(AuthorizationCodeEntity row, String redirectUri) {
        if (redirectUri == null) {
            return !row.isRedirectUriGiven();
        }
        return Secrets.equalsConstantTime(redirectUri, row.getRedirectUri());
    }

    private OAuthException replayed(AuthorizationCodeEntity row) {
        String grantId = row.getGrantId();
        audit.record(AuditEvent.of(AuditEventType.CODE_REPLAYED)
                .outcome(AuditEvent.FAILED)
                .subject(row.getSubject())
                .client(row.getClientId())
                .flow(row.getFlowId())
                .detail("grant", grantId));
        LOG.warning(() -> "An authorization code was presented again after its redemption (grant " + grantId
                + "); tokens issued from it and the client's other tokens for the user are revoked.");
        try {
            notifier.replayed(grantId, row.getClientId(), row.getSubject());
        } catch (EJBException | IllegalStateException e) {
            LOG.log(
                    Level.WARNING,
                    "Revoking the tokens of a replayed authorization code (grant " + grantId + ") failed",
                    e);
        }
        return invalidGrant("the authorization code was already used");
    }

    private static OAuthException invalidGrant(String description) {
        return new OAuthException(OAuthError.badRequest(INVALID_GRANT, description));
    }

    private static String toJson(List<String> values) {
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        values.forEach(array::add);
        return array.build().toString();
    }

    private static List<String> fromJson(String json) {
        return JsonInput.read(json).asJsonArray().getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private static List<String> words(String value) {
        return Arrays.stream(value.trim().split("\\s+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }
}
