package dev.portcullis.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A client the operator disabled: registered, metadata-document or provisioned in configuration alike, by its
 * {@code client_id}. While the row exists the client gets no new grant; enabling it deletes the row.
 */
@Entity
@Table(name = "OAUTH_CLIENT_DISABLED")
@NamedQuery(
        name = DisabledClientEntity.AMONG,
        query = "SELECT d.clientId FROM DisabledClientEntity d WHERE d.clientId IN :ids")
public class DisabledClientEntity {

    public static final String AMONG = "DisabledClientEntity.among";

    @Id
    @Column(name = "CLIENT_ID", length = 2048)
    private String clientId;

    @Column(name = "DISABLED_AT", nullable = false)
    private Instant disabledAt;

    @Column(name = "DISABLED_BY", length = 512)
    private String disabledBy;

    protected DisabledClientEntity() {
        // for JPA
    }

    public DisabledClientEntity(String clientId, Instant disabledAt, String disabledBy) {
        this.clientId = clientId;
        this.disabledAt = disabledAt;
        this.disabledBy = disabledBy;
    }

    public String getClientId() {
        return clientId;
    }

    public Instant getDisabledAt() {
        return disabledAt;
    }

    public String getDisabledBy() {
        return disabledBy;
    }
}
