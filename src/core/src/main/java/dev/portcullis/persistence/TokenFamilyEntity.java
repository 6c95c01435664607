package dev.portcullis.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One authorization and the refresh tokens rotated from it: who (subject, groups), for which client, scope and
 * resource. Revoking the family revokes its refresh tokens and, through the family id in their {@code jti}, its
 * access tokens.
 */
@Entity
@Table(name = "OAUTH_TOKEN_FAMILY")
@NamedQueries({
    @NamedQuery(
            name = TokenFamilyEntity.FIND_BY_GRANT,
            query = "SELECT f FROM TokenFamilyEntity f WHERE f.grantId = :grantId"),
    @NamedQuery(
            name = TokenFamilyEntity.ACTIVE_OF_CLIENT,
            query = "SELECT f FROM TokenFamilyEntity f WHERE f.clientId = :clientId AND f.revokedAt IS NULL"),
    @NamedQuery(
            name = TokenFamilyEntity.ACTIVE_OF_CLIENT_AND_SUBJECT,
            query = "SELECT f FROM TokenFamilyEntity f"
                    + " WHERE f.clientId = :clientId AND f.subject = :subject AND f.revokedAt IS NULL"),
    @NamedQuery(
            name = TokenFamilyEntity.REVOKED_SINCE,
            query =
                    "SELECT f.familyId FROM TokenFamilyEntity f WHERE f.revokedAt IS NOT NULL AND f.revokedAt > :since"),
    @NamedQuery(
            name = TokenFamilyEntity.DELETE_EXPIRED,
            query = "DELETE FROM TokenFamilyEntity f WHERE f.expiresAt < :before")
})
public class TokenFamilyEntity {

    public static final String FIND_BY_GRANT = "TokenFamilyEntity.findByGrant";
    public static final String ACTIVE_OF_CLIENT = "TokenFamilyEntity.activeOfClient";
    public static final String ACTIVE_OF_CLIENT_AND_SUBJECT = "TokenFamilyEntity.activeOfClientAndSubject";
    public static final String REVOKED_SINCE = "TokenFamilyEntity.revokedSince";
    public static final String DELETE_EXPIRED = "TokenFamilyEntity.deleteExpired";

    @Id
    @Column(name = "FAMILY_ID", length = 64)
    private String familyId;

    @Column(name = "GRANT_ID", length = 128)
    private String grantId;

    /** The OAuth flow (audit correlation) this row belongs to; null for rows from before V50. */
    @Column(name = "FLOW_ID", length = 64)
    private String flowId;

    @Column(name = "CLIENT_ID", nullable = false, length = 2048)
    private String clientId;

    @Column(name = "SUBJECT", nullable = false, length = 512)
    private String subject;

    @Column(name = "GROUPS_JSON", nullable = false, length = 8000)
    private String groupsJson;

    @Column(name = "SCOPE", nullable = false, length = 4000)
    private String scope;

    @Column(name = "RESOURCE", nullable = false, length = 2048)
    private String resource;

    @Column(name = "AUTHENTICATED_AT")
    private Instant authenticatedAt;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    @Column(name = "REVOKED_AT")
    private Instant revokedAt;

    protected TokenFamilyEntity() {
        // for JPA
    }

    public TokenFamilyEntity(
            String familyId,
            String grantId,
            String clientId,
            String subject,
            String groupsJson,
            String scope,
            String resource,
            Instant authenticatedAt,
            Instant createdAt) {
        this.familyId = familyId;
        this.grantId = grantId;
        this.clientId = clientId;
        this.subject = subject;
        this.groupsJson = groupsJson;
        this.scope = scope;
        this.resource = resource;
        this.authenticatedAt = authenticatedAt;
        this.createdAt = createdAt;
        this.expiresAt = createdAt;
    }

    public String getFamilyId() {
        return familyId;
    }

    public String getGrantId() {
        return grantId;
    }

    public String getClientId() {
        return clientId;
    }

    public String getSubject() {
        return subject;
    }

    public String getGroupsJson() {
        return groupsJson;
    }

    public String getScope() {
        return scope;
    }

    public String getResource() {
        return resource;
    }

    public Instant getAuthenticatedAt() {
        return authenticatedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** When the family's newest token (refresh or access) expires; the purge deletes the family after that. */
    public Instant getExpiresAt() {
        return expiresAt;
    }

    public void extendTo(Instant expiresAt) {
        if (expiresAt.isAfter(this.expiresAt)) {
            this.expiresAt = expiresAt;
        }
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public String getFlowId() {
        return flowId;
    }

    public void setFlowId(String flowId) {
        this.flowId = flowId;
    }
}
