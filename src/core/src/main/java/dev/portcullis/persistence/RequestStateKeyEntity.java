package dev.portcullis.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The stored HMAC key of the MCP modern era's requestState (migration V7): one row, id {@value #DEFAULT_ID}. */
@Entity
@Table(name = "MCP_REQUEST_STATE_KEY")
public class RequestStateKeyEntity {

    public static final String DEFAULT_ID = "default";

    @Id
    @Column(name = "ID", length = 32)
    private String id;

    @Column(name = "KEY_BASE64", nullable = false, length = 128)
    private String keyBase64;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected RequestStateKeyEntity() {
        // for JPA
    }

    public RequestStateKeyEntity(String keyBase64, Instant createdAt) {
        this.id = DEFAULT_ID;
        this.keyBase64 = keyBase64;
        this.createdAt = createdAt;
    }

    public String getKeyBase64() {
        return keyBase64;
    }
}
