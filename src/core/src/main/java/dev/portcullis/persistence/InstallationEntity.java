package dev.portcullis.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The one row that identifies this database's installation and counts its starts. */
@Entity
@Table(name = "INSTALLATION")
@NamedQuery(name = InstallationEntity.FIND_ALL, query = "SELECT i FROM InstallationEntity i ORDER BY i.createdAt")
public class InstallationEntity {

    public static final String FIND_ALL = "InstallationEntity.findAll";

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "LAST_STARTED_AT", nullable = false)
    private Instant lastStartedAt;

    @Column(name = "START_COUNT", nullable = false)
    private long startCount;

    protected InstallationEntity() {
        // for JPA
    }

    public static InstallationEntity createdAt(Instant now) {
        InstallationEntity installation = new InstallationEntity();
        installation.id = UUID.randomUUID().toString();
        installation.createdAt = now;
        installation.lastStartedAt = now;
        return installation;
    }

    public void recordStart(Instant now) {
        lastStartedAt = now;
        startCount++;
    }

    public String getId() {
        return id;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastStartedAt() {
        return lastStartedAt;
    }

    public long getStartCount() {
        return startCount;
    }
}
