package dev.portcullis.oauth.token;

import dev.portcullis.audit.AuditEvent;
import dev.portcullis.audit.AuditEventType;
import dev.portcullis.audit.AuditTrail;
import dev.portcullis.config.AuthServerConfig;
import dev.portcullis.oauth.metadata.SupportedScopes;
import dev.portcullis.oauth.revocation.RevocationService;
import dev.portcullis.persistence.PersonalTokenEntity;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Personal access tokens: real access tokens for {@code /mcp} that a signed-in user mints for a script, a CI job or
 * curl, the "pre-obtained token" of clients that cannot do OAuth. Each is an RFC 9068 JWT like any other, issued to
 * the reserved client id {@link #CLIENT_ID}, with the user's realm groups, scopes the user picks among the supported
 * ones, and a lifetime up to {@code portcullis.oauth.personal-token.max-lifetime}. The token is shown once and never
 * stored; its record (the {@code jti}) lets its owner list and revoke it, and a revocation stops it at {@code /mcp}
 * like an RFC 7009 revocation does.
 */
@Stateless
public class PersonalTokens {

    /** The {@code client_id} of every personal access token; no registration or machine client can have it. */
    public static final String CLIENT_ID = "portcullis-personal-token";
    /** Active tokens one user may hold; beyond this, older ones must be revoked first. */
    public static final int MAX_ACTIVE = 20;

    public static final int MAX_NAME = 100;

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @Inject
    private AccessTokenIssuer issuer;

    @Inject
    private SupportedScopes scopes;

    @Inject
    private AuthServerConfig config;

    @EJB
    private RevocationService revocations;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    /** A personal token and its record; {@code token} exists only in this answer. */
    public record Minted(String token, PersonalToken record) {}

    /** What the owner sees of a token: never the token. */
    public record PersonalToken(
            String id, String name, List<String> scopes, Instant createdAt, Instant expiresAt, Instant revokedAt) {

        public boolean active(Instant now) {
            return revokedAt == null && now.isBefore(expiresAt);
        }
    }

    /** Why a mint request was refused, in words the page shows the user; an application exception, so it reaches the caller as is. */
    @ApplicationException(rollback = true)
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** The scopes a user may put in a personal token: those the server supports. */
    public Set<String> grantableScopes() {
        return scopes.all();
    }

    /** The longest lifetime a token may have. */
    public Duration maxLifetime() {
        return config.personalTokenMaxLifetime();
    }

    /** Mints a token for {@code subject}; {@link Refused} for a bad name, scope or lifetime, or too many tokens. */
    public Minted mint(TokenSubject subject, String name, List<String> requested, Duration lifetime) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()
                || cleanName.length() > MAX_NAME
                || cleanName.codePoints().anyMatch(Character::isISOControl)) {
            throw new Refused("Give the token a name of 1 to " + MAX_NAME + " characters.");
        }
        if (requested.isEmpty() || !grantableScopes().containsAll(requested)) {
            throw new Refused("Choose one or more of the listed scopes.");
        }
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(maxLifetime()) > 0) {
            throw new Refused("A token lives at most " + maxLifetime().toDays() + " days.");
        }
        Instant now = clock.instant();
        if (of(subject.name()).stream().filter(t -> t.active(now)).count() >= MAX_ACTIVE) {
            throw new Refused("You hold " + MAX_ACTIVE + " active tokens: revoke one first.");
        }
        List<String> granted = requested.stream().distinct().sorted().toList();
        IssuedAccessToken token = issuer.issue(subject, CLIENT_ID, granted, null, now, lifetime);
        PersonalTokenEntity entity = new PersonalTokenEntity(
                token.jti(), subject.name(), cleanName, Scopes.join(granted), now, now.plus(lifetime));
        em.persist(entity);
        audit.record(AuditEvent.of(AuditEventType.PERSONAL_TOKEN_CREATED)
                .subject(subject.name())
                .client(CLIENT_ID)
                .target(token.jti())
                .detail("scope", Scopes.join(granted))
                .detail("expires_at", entity.getExpiresAt().toString()));
        return new Minted(token.value(), view(entity));
    }

    /** The user's tokens, newest first, revoked and expired ones included until the purge removes them. */
    public List<PersonalToken> of(String subject) {
        return em
                .createNamedQuery(PersonalTokenEntity.OF_SUBJECT, PersonalTokenEntity.class)
                .setParameter("subject", subject)
                .getResultList()
                .stream()
                .map(PersonalTokens::view)
                .toList();
    }

    /** Revokes the user's token {@code id}; false when it is not theirs, unknown or already ended. */
    public boolean revoke(String subject, String id) {
        PersonalTokenEntity entity = id == null || id.length() > 64 ? null : em.find(PersonalTokenEntity.class, id);
        Instant now = clock.instant();
        if (entity == null
                || !entity.getSubject().equals(subject)
                || entity.getRevokedAt() != null
                || !now.isBefore(entity.getExpiresAt())) {
            return false;
        }
        entity.revoke(now);
        revocations.revokeAccessToken(entity.getTokenId(), CLIENT_ID, entity.getExpiresAt());
        audit.record(AuditEvent.of(AuditEventType.PERSONAL_TOKEN_REVOKED)
                .subject(subject)
                .client(CLIENT_ID)
                .target(id));
        return true;
    }

    private static PersonalToken view(PersonalTokenEntity entity) {
        return new PersonalToken(
                entity.getTokenId(),
                entity.getName(),
                Scopes.parse(entity.getScope()),
                entity.getCreatedAt(),
                entity.getExpiresAt(),
                entity.getRevokedAt());
    }
}
