package ${package}.notes;

import dev.portcullis.mcp.api.Prompt;
import dev.portcullis.mcp.api.PromptArg;
import dev.portcullis.mcp.api.PromptMessage;
import dev.portcullis.mcp.api.RequiresScopes;
import dev.portcullis.mcp.api.Resource;
import dev.portcullis.mcp.api.Tool;
import dev.portcullis.mcp.api.ToolArg;
import dev.portcullis.mcp.api.ToolCallException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The MCP face of {@link NoteBook}: two tools, a resource and a prompt. A tool bean is a CDI bean; Portcullis finds
 * its annotated methods, derives each tool's input schema from the parameters and checks the scopes of
 * {@code @RequiresScopes} before the call. The EJB below checks the roles.
 */
@ApplicationScoped
public class NoteTools {

    @EJB
    private NoteBook notes;

    /** A note as the tools show it. */
    public record NoteView(long id, String text, String author, String createdAt) {
        static NoteView of(Note note) {
            return new NoteView(note.getId(), note.getText(), note.getAuthor(), note.getCreatedAt().toString());
        }
    }

    /** The answer of {@code recent_notes} (structured content is an object). */
    public record NoteList(List<NoteView> notes) {
    }

    @RequiresScopes("notes:write")
    @Tool(name = "add_note", title = "Add note", description = "Stores a note by the signed-in user.",
            structuredContent = true, annotations = @Tool.Annotations(openWorldHint = false))
    public NoteView addNote(@ToolArg(description = "The note, 1 to 500 characters") String text) {
        try {
            return NoteView.of(notes.write(text));
        } catch (EJBAccessException e) {
            throw new ToolCallException("Only members of the group mcp-users may add notes.");
        } catch (EJBException e) {
            if (e.getCausedByException() instanceof IllegalArgumentException invalid) {
                throw new ToolCallException(invalid.getMessage());
            }
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ToolCallException(e.getMessage());
        }
    }

    @RequiresScopes("notes:read")
    @Tool(name = "recent_notes", title = "Recent notes", description = "Lists the newest notes, newest first.",
            structuredContent = true, annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = false))
    public NoteList recentNotes(@ToolArg(description = "How many notes, 1 to 100", defaultValue = "10") int max) {
        return new NoteList(notes.newest(max).stream().map(NoteView::of).toList());
    }

    @RequiresScopes("notes:read")
    @Resource(uri = "notes://recent", name = "recent-notes", title = "Recent notes",
            description = "The ten newest notes as plain text", mimeType = "text/plain")
    public String recentAsText() {
        return notes.newest(10).stream().map(n -> n.getAuthor() + ": " + n.getText())
                .collect(Collectors.joining("\n"));
    }

    @Prompt(name = "summarize_notes", title = "Summarize notes",
            description = "Asks the model to summarize the newest notes on a topic")
    public PromptMessage summarize(@PromptArg(description = "What the summary is about") String topic) {
        return PromptMessage.user("Summarize what the newest notes (resource notes://recent) say about " + topic
                + ". Quote the author of each point.");
    }
}
