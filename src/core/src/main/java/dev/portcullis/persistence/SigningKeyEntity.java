package dev.portcullis.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A token signing key pair; the private half is encrypted with the key-encryption key. */
@Entity
@Table(name = "OAUTH_SIGNING_KEY")
@NamedQuery(name = SigningKeyEntity.FIND_ALL, query = "SELECT k FROM SigningKeyEntity k ORDER BY k.createdAt DESC")
public class SigningKeyEntity {

    public static final String FIND_ALL = "SigningKeyEntity.findAll";

    @Id
    @Column(name = "KID", length = 64)
    private String kid;

    @Column(name = "ALGORITHM", nullable = false, length = 10)
    private String algorithm;

    @Column(name = "PUBLIC_KEY", nullable = false, length = 2000)
    private String publicKey;

    @Column(name = "ENCRYPTED_PRIVATE_KEY", nullable = false, length = 4000)
    private String encryptedPrivateKey;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "RETIRED_AT")
    private Instant retiredAt;

    protected SigningKeyEntity() {
        // for JPA
    }

    public SigningKeyEntity(
            String kid, String algorithm, String publicKey, String encryptedPrivateKey, Instant createdAt) {
        this.kid = kid;
        this.algorithm = algorithm;
        this.publicKey = publicKey;
        this.encryptedPrivateKey = encryptedPrivateKey;
        this.createdAt = createdAt;
    }

    public String getKid() {
        return kid;
    }

    public String getAlgorithm() {
        return algorithm;
    }

    public String getPublicKey() {
        return publicKey;
    }

    public String getEncryptedPrivateKey() {
        return encryptedPrivateKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRetiredAt() {
        return retiredAt;
    }

    public void retire(Instant when) {
        this.retiredAt = when;
    }
}
