package dev.portcullis.mcp.transport;

import dev.portcullis.mcp.server.exchange.Reply;
import dev.portcullis.resourceserver.McpEndpoint;
import dev.portcullis.resourceserver.RequestCaller;
import dev.portcullis.telemetry.Telemetry;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Refuses a {@code GET /mcp} that cannot become a stream before the container commits to one: once the SSE method
 * runs, its response is already a 200 event stream, so 405 (no session, modern era), 404 (unknown session) and 400
 * (bad version) must be decided here.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#listening-for-messages-from-the-server">Listening for messages from the server</a>
 */
@Provider
@McpEndpoint
@Priority(Priorities.USER)
public class StreamGuardFilter implements ContainerRequestFilter {

    @Inject
    private McpEngine engine;

    @Inject
    private Telemetry telemetry;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!"GET".equals(request.getMethod())) {
            return;
        }
        Optional<Reply> refusal = engine.server()
                .standaloneStreamRefusal(
                        request.getHeaderString(McpResource.SESSION),
                        request.getHeaderString(McpResource.VERSION),
                        RequestCaller.of(request).name());
        refusal.filter(reply -> reply.status() == 404)
                .ifPresent(reply -> telemetry.mcpRefused("session_not_found", 404));
        refusal.ifPresent(reply -> request.abortWith(
                reply.status() == 405
                        ? Response.status(405).header("Allow", "POST, DELETE").build()
                        : McpResource.json(reply)));
    }
}
