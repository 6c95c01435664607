/**
 * The modern era's tasks extension and {@code tools/call}, which decides whether a call runs on the request or
 * becomes a task: the task store SPI ({@link dev.portcullis.mcp.server.tasks.TaskRecords}, the product keeps it in
 * its database; {@link dev.portcullis.mcp.server.tasks.InMemoryTaskRecords} otherwise), the life of a task
 * ({@link dev.portcullis.mcp.server.tasks.TaskLifecycle}) and {@code tasks/get}, {@code tasks/update},
 * {@code tasks/cancel}.
 *
 * @see <a href="https://modelcontextprotocol.io/seps/2663-tasks-extension">SEP-2663 Tasks extension</a>
 */
package dev.portcullis.mcp.server.tasks;
