package dev.portcullis.mcp.server.features;

/**
 * Thrown out of a tool on the request thread when it calls {@code TaskHandoff.handOff()} and the call may become a
 * task; the tools/call handler then creates the task.
 *
 * @see <a href="https://modelcontextprotocol.io/seps/2663-tasks-extension">SEP-2663 Tasks extension</a>
 */
public final class HandOff extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HandOff() {
        super("hand off to a task", null, false, false);
    }
}
