package ${package}.notes;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/**
 * The business logic: an ordinary transactional EJB, as it may already exist in your application. It knows
 * nothing of MCP; the container enforces {@code @RolesAllowed} against the caller, who is the user the MCP access
 * token names (their realm groups are their roles).
 */
@Stateless
public class NoteBook {

    @PersistenceContext(unitName = "${rootArtifactId}")
    private EntityManager em;

    @Resource
    private SessionContext session;

    private final Clock clock = Clock.systemUTC();

    /** Stores a note by the calling user. Members of the realm group {@code mcp-users} only. */
    @RolesAllowed("mcp-users")
    public Note write(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty() || trimmed.length() > Note.MAX_TEXT) {
            throw new IllegalArgumentException("a note has 1 to " + Note.MAX_TEXT + " characters");
        }
        Note note = new Note(trimmed, session.getCallerPrincipal().getName(), clock.instant());
        em.persist(note);
        return note;
    }

    /** The newest notes, newest first. Whoever may call the MCP tool may read (its scope decides that). */
    @PermitAll
    public List<Note> newest(int max) {
        return em.createNamedQuery(Note.NEWEST_FIRST, Note.class).setMaxResults(Math.max(1, Math.min(max, 100)))
                .getResultList();
    }
}
