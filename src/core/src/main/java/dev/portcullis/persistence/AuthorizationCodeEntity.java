package dev.portcullis.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An issued authorization code and everything it is bound to. The code itself is never stored, only its
 * SHA-256 hash; {@code grantId} is the row's stable id, which tokens issued from the code refer to.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2">RFC 6749 section 4.1.2</a>
 */
@Entity
@Table(name = "OAUTH_AUTHORIZATION_CODE")
@NamedQuery(
        name = AuthorizationCodeEntity.BY_HASH,
        query = "SELECT c FROM AuthorizationCodeEntity c WHERE c.codeHash = :hash")
@NamedQuery(
        name = AuthorizationCodeEntity.MARK_USED,
        query = "UPDATE AuthorizationCodeEntity c SET c.usedAt = :now WHERE c.grantId = :grantId AND c.usedAt IS NULL")
@NamedQuery(
        name = AuthorizationCodeEntity.UNUSED_OF_CLIENT,
        query = "SELECT c.grantId FROM AuthorizationCodeEntity c WHERE c.clientId = :clientId AND c.usedAt IS NULL")
@NamedQuery(
        name = AuthorizationCodeEntity.UNUSED_OF_CLIENT_AND_SUBJECT,
        query = "SELECT c.grantId FROM AuthorizationCodeEntity c"
                + " WHERE c.clientId = :clientId AND c.subject = :subject AND c.usedAt IS NULL")
@NamedQuery(
        name = AuthorizationCodeEntity.DELETE_UNUSED,
        query = "DELETE FROM AuthorizationCodeEntity c WHERE c.grantId IN :grantIds AND c.usedAt IS NULL")
@NamedQuery(
        name = AuthorizationCodeEntity.PURGE,
        query = "DELETE FROM AuthorizationCodeEntity c WHERE c.expiresAt < :before")
public class AuthorizationCodeEntity {

    public static final String BY_HASH = "AuthorizationCode.byHash";
    public static final String MARK_USED = "AuthorizationCode.markUsed";
    public static final String PURGE = "AuthorizationCode.purge";
    public static final String UNUSED_OF_CLIENT = "AuthorizationCode.unusedOfClient";
    public static final String UNUSED_OF_CLIENT_AND_SUBJECT = "AuthorizationCode.unusedOfClientAndSubject";
    public static final String DELETE_UNUSED = "AuthorizationCode.deleteUnused";

    @Id
    @Column(name = "GRANT_ID", length = 43)
    private String grantId;

    /** The OAuth flow (audit correlation) this row belongs to; null for rows from before V50. */
    @Column(name = "FLOW_ID", length = 64)
    private String flowId;

    @Column(name = "CODE_HASH", nullable = false, length = 100, unique = true)
    private String codeHash;

    @Column(name = "CLIENT_ID", nullable = false, length = 2048)
    private String clientId;

    @Column(name = "REDIRECT_URI", nullable = false, length = 2048)
    private String redirectUri;

    @Column(name = "REDIRECT_URI_GIVEN", nullable = false)
    private boolean redirectUriGiven;

    @Column(name = "CODE_CHALLENGE", nullable = false, length = 128)
    private String codeChallenge;

    @Column(name = "RESOURCE_URI", nullable = false, length = 2048)
    private String resource;

    @Column(name = "SCOPE", nullable = false, length = 4000)
    private String scope;

    @Column(name = "SUBJECT", nullable = false, length = 512)
    private String subject;

    @Column(name = "GROUPS", nullable = false, length = 8000)
    private String groups;

    @Column(name = "AUTHENTICATED_AT", nullable = false)
    private Instant authenticatedAt;

    @Column(name = "ISSUED_AT", nullable = false)
    private Instant issuedAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private Instant expiresAt;

    @Column(name = "USED_AT")
    private Instant usedAt;

    protected AuthorizationCodeEntity() {
        // for JPA
    }

    public AuthorizationCodeEntity(String grantId, String codeHash, Instant issuedAt, Instant expiresAt) {
        this.grantId = grantId;
        this.codeHash = codeHash;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    /** Binds the code to the client and the redirect URI; {@code given} says whether the request named it. */
    public void bindClient(String clientId, String redirectUri, boolean given) {
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.redirectUriGiven = given;
    }

    /** Binds the code to the PKCE challenge, the resource and the scope (space-separated). */
    public void bindRequest(String codeChallenge, String resource, String scope) {
        this.codeChallenge = codeChallenge;
        this.resource = resource;
        this.scope = scope;
    }

    /** Binds the code to the user; {@code groups} is a JSON array of strings. */
    public void bindUser(String subject, String groups, Instant authenticatedAt) {
        this.subject = subject;
        this.groups = groups;
        this.authenticatedAt = authenticatedAt;
    }

    public String getGrantId() {
        return grantId;
    }

    public String getCodeHash() {
        return codeHash;
    }

    public String getClientId() {
        return clientId;
    }

    public String getRedirectUri() {
        return redirectUri;
    }

    public boolean isRedirectUriGiven() {
        return redirectUriGiven;
    }

    public String getCodeChallenge() {
        return codeChallenge;
    }

    public String getResource() {
        return resource;
    }

    public String getScope() {
        return scope;
    }

    public String getSubject() {
        return subject;
    }

    public String getGroups() {
        return groups;
    }

    public Instant getAuthenticatedAt() {
        return authenticatedAt;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }

    public String getFlowId() {
        return flowId;
    }

    public void setFlowId(String flowId) {
        this.flowId = flowId;
    }
}
