package dev.portcullis.mcp.api;

/**
 * Lets a tool with {@link Tool#taskSupport()} gather input synchronously (multi-round-trip requests) and only then
 * become a task: until {@link #handOff()} the call runs on the request; at {@code handOff()}, when the client
 * negotiated the {@code io.modelcontextprotocol/tasks} extension, the server answers with a {@code CreateTaskResult}
 * and runs the method again from the start in the background, with the answers gathered so far. Without the
 * extension, and in the background run, {@code handOff()} returns at once. Declare a parameter of this type to
 * receive it.
 *
 * @see <a href="https://modelcontextprotocol.io/seps/2663-tasks-extension">SEP-2663 Tasks extension</a>
 */
public interface TaskHandoff {

    /** Continues as a task if the call may become one; returns when the method is to go on where it is. */
    void handOff();
}
