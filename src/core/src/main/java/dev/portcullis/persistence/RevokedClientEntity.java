package dev.portcullis.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A deleted client (RFC 7592 section 2.3): every access token issued to it at or before {@code revokedAt} is refused,
 * whether or not it came from a token family. Kept for one access-token lifetime, after which they have expired.
 */
@Entity
@Table(name = "OAUTH_REVOKED_CLIENT")
@NamedQueries({
    @NamedQuery(
            name = RevokedClientEntity.SINCE,
            query = "SELECT r FROM RevokedClientEntity r WHERE r.revokedAt > :since"),
    @NamedQuery(
            name = RevokedClientEntity.DELETE_BEFORE,
            query = "DELETE FROM RevokedClientEntity r WHERE r.revokedAt < :before")
})
public class RevokedClientEntity {

    public static final String SINCE = "RevokedClientEntity.since";
    public static final String DELETE_BEFORE = "RevokedClientEntity.deleteBefore";

    @Id
    @Column(name = "CLIENT_ID", length = 2048)
    private String clientId;

    @Column(name = "REVOKED_AT", nullable = false)
    private Instant revokedAt;

    protected RevokedClientEntity() {
        // for JPA
    }

    public RevokedClientEntity(String clientId, Instant revokedAt) {
        this.clientId = clientId;
        this.revokedAt = revokedAt;
    }

    public String getClientId() {
        return clientId;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public void revokeAgain(Instant now) {
        if (now.isAfter(revokedAt)) {
            revokedAt = now;
        }
    }
}
