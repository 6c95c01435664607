package dev.portcullis.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A personal access token's record: whose it is, what it may do, until when; never the token itself. */
@Entity
@Table(name = "OAUTH_PERSONAL_TOKEN")
@NamedQuery(
        name = PersonalTokenEntity.OF_SUBJECT,
        query = "SELECT t FROM PersonalTokenEntity t WHERE t.subject = :subject ORDER BY t.createdAt DESC")
@NamedQuery(name = PersonalTokenEntity.PURGE, query = "DELETE FROM PersonalTokenEntity t WHERE t.expiresAt < :before")
public class PersonalTokenEntity {

    public static final String OF_SUBJECT = "PersonalTokenEntity.ofSubject";
    public static final String PURGE = "PersonalTokenEntity.purge";

    @Id
    @Column(name = "TOKEN_ID", length = 64)
    private String tokenId;

    @Column(name = "SUBJECT", nullable = false, length = 512)
    private String subject;

    @Column(name = "NAME", nullable = false, length = 100)
    private String name;

    @Column(name = "SCOPE", nullable = false, length = 4000)
    private String scope;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    @Column(name = "REVOKED_AT")
    private Instant revokedAt;

    protected PersonalTokenEntity() {
        // for JPA
    }

    public PersonalTokenEntity(
            String tokenId, String subject, String name, String scope, Instant createdAt, Instant expiresAt) {
        this.tokenId = tokenId;
        this.subject = subject;
        this.name = name;
        this.scope = scope;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String getTokenId() {
        return tokenId;
    }

    public String getSubject() {
        return subject;
    }

    public String getName() {
        return name;
    }

    public String getScope() {
        return scope;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public void revoke(Instant at) {
        revokedAt = at;
    }
}
