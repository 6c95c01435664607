package dev.portcullis.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A refresh token, stored as the SHA-256 of its value. {@code rotatedAt} is set, exactly once and atomically
 * ({@link #MARK_ROTATED}), when the token is exchanged for its successor; {@code successorSealed}, set in the same
 * statement, is that successor encrypted under a key only the presented token's value yields, so a refresh repeated
 * within the reuse grace answers with the same successor.
 */
@Entity
@Table(name = "OAUTH_REFRESH_TOKEN")
@NamedQueries({
    @NamedQuery(
            name = RefreshTokenEntity.MARK_ROTATED,
            query = "UPDATE RefreshTokenEntity t SET t.rotatedAt = :now, t.successorSealed = :successor"
                    + " WHERE t.tokenHash = :hash AND t.rotatedAt IS NULL"),
    @NamedQuery(
            name = RefreshTokenEntity.DELETE_EXPIRED,
            query = "DELETE FROM RefreshTokenEntity t WHERE t.expiresAt < :before")
})
public class RefreshTokenEntity {

    public static final String MARK_ROTATED = "RefreshTokenEntity.markRotated";
    public static final String DELETE_EXPIRED = "RefreshTokenEntity.deleteExpired";

    @Id
    @Column(name = "TOKEN_HASH", length = 64)
    private String tokenHash;

    @Column(name = "FAMILY_ID", nullable = false, length = 64)
    private String familyId;

    @Column(name = "ISSUED_AT", nullable = false)
    private Instant issuedAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    @Column(name = "ROTATED_AT")
    private Instant rotatedAt;

    @Column(name = "SUCCESSOR_SEALED", length = 256)
    private String successorSealed;

    protected RefreshTokenEntity() {
        // for JPA
    }

    public RefreshTokenEntity(String tokenHash, String familyId, Instant issuedAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.familyId = familyId;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public String getFamilyId() {
        return familyId;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getRotatedAt() {
        return rotatedAt;
    }

    /** The successor, sealed (see the class comment); null before the rotation and for rows rotated before V10. */
    public String getSuccessorSealed() {
        return successorSealed;
    }
}
