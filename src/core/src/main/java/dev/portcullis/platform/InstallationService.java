package dev.portcullis.platform;

import dev.portcullis.persistence.InstallationEntity;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Records each start of the application in the database: the first start creates the installation's
 * identity, later ones count. Operators and the restart tests read it from the readiness check.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class InstallationService {

    private static final Logger LOG = Logger.getLogger(InstallationService.class.getName());

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @Inject
    private Clock clock;

    private volatile Installation current;

    @PostConstruct
    void recordStart() {
        Instant now = clock.instant();
        InstallationEntity entity = em.createNamedQuery(InstallationEntity.FIND_ALL, InstallationEntity.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElseGet(() -> {
                    InstallationEntity created = InstallationEntity.createdAt(now);
                    em.persist(created);
                    return created;
                });
        entity.recordStart(now);
        current = new Installation(entity.getId(), entity.getCreatedAt(), entity.getStartCount());
        LOG.info(() -> "Installation " + current.id() + " started (start number " + current.startCount() + ").");
    }

    @Lock(LockType.READ)
    public Installation current() {
        return current;
    }
}
