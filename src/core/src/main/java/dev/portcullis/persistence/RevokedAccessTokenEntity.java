package dev.portcullis.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** An access token revoked by its {@code jti} (RFC 7009), kept until it would have expired anyway. */
@Entity
@Table(name = "OAUTH_REVOKED_ACCESS_TOKEN")
@NamedQueries({
    @NamedQuery(
            name = RevokedAccessTokenEntity.UNEXPIRED,
            query = "SELECT r.jti FROM RevokedAccessTokenEntity r WHERE r.expiresAt > :now"),
    @NamedQuery(
            name = RevokedAccessTokenEntity.DELETE_EXPIRED,
            query = "DELETE FROM RevokedAccessTokenEntity r WHERE r.expiresAt < :before")
})
public class RevokedAccessTokenEntity {

    public static final String UNEXPIRED = "RevokedAccessTokenEntity.unexpired";
    public static final String DELETE_EXPIRED = "RevokedAccessTokenEntity.deleteExpired";

    @Id
    @Column(name = "JTI", length = 128)
    private String jti;

    @Column(name = "CLIENT_ID", nullable = false, length = 2048)
    private String clientId;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    @Column(name = "REVOKED_AT", nullable = false)
    private Instant revokedAt;

    protected RevokedAccessTokenEntity() {
        // for JPA
    }

    public RevokedAccessTokenEntity(String jti, String clientId, Instant expiresAt, Instant revokedAt) {
        this.jti = jti;
        this.clientId = clientId;
        this.expiresAt = expiresAt;
        this.revokedAt = revokedAt;
    }

    public String getJti() {
        return jti;
    }

    public String getClientId() {
        return clientId;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
