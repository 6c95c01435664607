package ${package}.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.mcp.api.ToolCallException;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tool bean in a managed Liberty with the real Derby datasource, beside Portcullis's core module (which migrates
 * its schema at start-up): the tool reads through the EJB, and the EJB's {@code @RolesAllowed} refuses a caller
 * without the role (here: nobody is signed in) with a tool error, not a stack trace. The whole MCP and OAuth path,
 * signed in as a member of {@code mcp-users}, is the EAR module's end-to-end test.
 */
@ExtendWith(ArquillianExtension.class)
class NoteToolsArquillianIT {

    @Deployment
    static WebArchive deployment() {
        File[] libraries = new File(System.getProperty("portcullis.libs")).listFiles((dir, name) -> name.endsWith(".jar"));
        return ShrinkWrap.create(WebArchive.class, "notes-it.war")
                .addAsLibraries(new File(System.getProperty("service.jar")))
                .addAsLibraries(libraries)
                .addClass(NoteToolsArquillianIT.class);
    }

    @Inject
    private NoteTools tools;

    @Resource(lookup = "jdbc/portcullis")
    private DataSource dataSource;

    @Test
    void recentNotesWhenANoteIsStoredThenTheToolListsItNewestFirst() throws Exception {
        tools.recentNotes(1); // the persistence unit creates the NOTE table on first use
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO NOTE (TEXT, AUTHOR, CREATED_AT) VALUES (?, ?, ?)")) {
            insert.setString(1, "Order 42 ships on Monday");
            insert.setString(2, "alice");
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }

        NoteTools.NoteList recent = tools.recentNotes(5);

        assertTrue(!recent.notes().isEmpty(), "the stored note is listed");
        assertEquals("Order 42 ships on Monday", recent.notes().get(0).text());
        assertEquals("alice", recent.notes().get(0).author());
        assertTrue(tools.recentAsText().contains("alice: Order 42 ships on Monday"), "the resource shows it too");
    }

    @Test
    void addNoteWhenTheCallerLacksTheRoleThenAToolErrorNamesTheGroup() {
        ToolCallException refused = assertThrows(ToolCallException.class, () -> tools.addNote("not allowed"));

        assertEquals("Only members of the group mcp-users may add notes.", refused.getMessage());
    }
}
