package dev.portcullis.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A client registered through RFC 7591. Written only by the registration service. The secret and the
 * registration access token are hashes; the plain values exist only in the response that issued them.
 */
@Entity
@Table(name = "OAUTH_CLIENT")
@NamedQuery(
        name = ClientEntity.NEVER_USED_SINCE,
        query = "SELECT c.clientId FROM ClientEntity c WHERE c.lastUsedAt IS NULL AND c.issuedAt < :before"
                + " AND c.provisionedBy IS NULL ORDER BY c.issuedAt")
@NamedQuery(
        name = ClientEntity.UNUSED_SINCE,
        query = "SELECT c.clientId FROM ClientEntity c WHERE c.lastUsedAt < :before AND c.provisionedBy IS NULL"
                + " ORDER BY c.lastUsedAt")
@NamedQuery(
        name = ClientEntity.MARK_USED,
        query = "UPDATE ClientEntity c SET c.lastUsedAt = :now "
                + "WHERE c.clientId = :clientId AND (c.lastUsedAt IS NULL OR c.lastUsedAt < :staleBefore)")
@NamedQuery(name = ClientEntity.DELETE_BY_IDS, query = "DELETE FROM ClientEntity c WHERE c.clientId IN :ids")
public class ClientEntity {

    public static final String NEVER_USED_SINCE = "ClientEntity.neverUsedSince";
    public static final String UNUSED_SINCE = "ClientEntity.unusedSince";
    public static final String MARK_USED = "ClientEntity.markUsed";
    public static final String DELETE_BY_IDS = "ClientEntity.deleteByIds";

    @Id
    @Column(name = "CLIENT_ID", length = 64)
    private String clientId;

    @Column(name = "METADATA", nullable = false, length = 32000)
    private String metadata;

    @Column(name = "TOKEN_ENDPOINT_AUTH_METHOD", nullable = false, length = 40)
    private String tokenEndpointAuthMethod;

    @Column(name = "SECRET_HASH", length = 200)
    private String secretHash;

    @Column(name = "SECRET_EXPIRES_AT")
    private Instant secretExpiresAt;

    @Column(name = "REGISTRATION_TOKEN_HASH", nullable = false, length = 100)
    private String registrationTokenHash;

    @Column(name = "ISSUED_AT", nullable = false)
    private Instant issuedAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    /** When the client last obtained a token (to the hour); null until its first. */
    @Column(name = "LAST_USED_AT")
    private Instant lastUsedAt;

    /** The operator who provisioned this machine client in the console; null for an RFC 7591 registration. */
    @Column(name = "PROVISIONED_BY", length = 512)
    private String provisionedBy;

    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    protected ClientEntity() {
        // for JPA
    }

    public ClientEntity(String clientId, String registrationTokenHash, Instant issuedAt) {
        this.clientId = clientId;
        this.registrationTokenHash = registrationTokenHash;
        this.issuedAt = issuedAt;
        this.updatedAt = issuedAt;
    }

    public String getClientId() {
        return clientId;
    }

    public String getMetadata() {
        return metadata;
    }

    public void setMetadata(String metadata) {
        this.metadata = metadata;
    }

    public String getTokenEndpointAuthMethod() {
        return tokenEndpointAuthMethod;
    }

    public void setTokenEndpointAuthMethod(String tokenEndpointAuthMethod) {
        this.tokenEndpointAuthMethod = tokenEndpointAuthMethod;
    }

    public String getSecretHash() {
        return secretHash;
    }

    public Instant getSecretExpiresAt() {
        return secretExpiresAt;
    }

    /** Replaces the secret; a null hash makes the client public. */
    public void setSecret(String secretHash, Instant secretExpiresAt) {
        this.secretHash = secretHash;
        this.secretExpiresAt = secretExpiresAt;
    }

    public String getRegistrationTokenHash() {
        return registrationTokenHash;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    public String getProvisionedBy() {
        return provisionedBy;
    }

    public void setProvisionedBy(String provisionedBy) {
        this.provisionedBy = provisionedBy;
    }
}
