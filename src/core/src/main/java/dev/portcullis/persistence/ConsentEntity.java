package dev.portcullis.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user's remembered approval of a client for a set of scopes (sorted, space-separated). */
@Entity
@Table(name = "OAUTH_CONSENT")
@NamedQuery(
        name = ConsentEntity.BY_SUBJECT,
        query = "SELECT c FROM ConsentEntity c WHERE c.subject = :subject ORDER BY c.grantedAt DESC")
@NamedQuery(
        name = ConsentEntity.BY_SUBJECT_AND_CLIENT,
        query = "SELECT c FROM ConsentEntity c WHERE c.subject = :subject AND c.clientId = :clientId")
public class ConsentEntity {

    public static final String BY_SUBJECT = "Consent.bySubject";
    public static final String BY_SUBJECT_AND_CLIENT = "Consent.bySubjectAndClient";

    @Id
    @Column(name = "CONSENT_ID", length = 43)
    private String consentId;

    @Column(name = "SUBJECT", nullable = false, length = 512)
    private String subject;

    @Column(name = "CLIENT_ID", nullable = false, length = 2048)
    private String clientId;

    @Column(name = "SCOPE", nullable = false, length = 4000)
    private String scope;

    @Column(name = "GRANTED_AT", nullable = false)
    private Instant grantedAt;

    protected ConsentEntity() {
        // for JPA
    }

    public ConsentEntity(String consentId, String subject, String clientId, String scope, Instant grantedAt) {
        this.consentId = consentId;
        this.subject = subject;
        this.clientId = clientId;
        this.scope = scope;
        this.grantedAt = grantedAt;
    }

    public String getConsentId() {
        return consentId;
    }

    public String getSubject() {
        return subject;
    }

    public String getClientId() {
        return clientId;
    }

    public String getScope() {
        return scope;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }
}
