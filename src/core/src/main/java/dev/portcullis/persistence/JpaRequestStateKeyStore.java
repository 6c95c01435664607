package dev.portcullis.persistence;

import dev.portcullis.mcp.server.input.RequestStateKeyStore;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * The MCP engine's {@link RequestStateKeyStore} on the application database. A first key is inserted in its own
 * transaction; when another server inserted one first, the primary key rejects ours and the caller reads theirs.
 * The key is never logged.
 */
@Stateless
public class JpaRequestStateKeyStore implements RequestStateKeyStore {

    @PersistenceContext(unitName = "portcullis")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Override
    public Optional<byte[]> load() {
        return Optional.ofNullable(em.find(RequestStateKeyEntity.class, RequestStateKeyEntity.DEFAULT_ID))
                .map(entity -> Base64.getDecoder().decode(entity.getKeyBase64()));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean storeIfAbsent(byte[] key) {
        if (em.find(RequestStateKeyEntity.class, RequestStateKeyEntity.DEFAULT_ID) != null) {
            return false;
        }
        try {
            em.persist(new RequestStateKeyEntity(Base64.getEncoder().encodeToString(key), clock.instant()));
            em.flush();
            return true;
        } catch (PersistenceException duplicate) {
            return false; // the transaction is rolled back; the caller loads the key that won
        }
    }
}
