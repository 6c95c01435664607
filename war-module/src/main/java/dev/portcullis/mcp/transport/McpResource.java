package dev.portcullis.mcp.transport;

import dev.portcullis.config.McpConfig;
import dev.portcullis.mcp.protocol.JsonRpc;
import dev.portcullis.mcp.protocol.JsonRpcErrorCodes;
import dev.portcullis.mcp.protocol.JsonRpcMessage;
import dev.portcullis.mcp.protocol.McpError;
import dev.portcullis.mcp.server.Call;
import dev.portcullis.mcp.server.Incoming;
import dev.portcullis.mcp.server.McpServer;
import dev.portcullis.mcp.server.Outbound;
import dev.portcullis.mcp.server.Prepared;
import dev.portcullis.mcp.server.Reply;
import dev.portcullis.resourceserver.Challenge;
import dev.portcullis.resourceserver.CurrentCaller;
import dev.portcullis.resourceserver.ResourceServerConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /mcp}: the Streamable HTTP endpoint for both protocol eras. POST carries one JSON-RPC message; GET (no
 * standalone stream is offered) is 405; DELETE ends a legacy session.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#streamable-http">Streamable HTTP</a>
 */
@Path("/mcp")
@McpEndpoint
public class McpResource {

    static final String SESSION = "Mcp-Session-Id";
    static final String VERSION = "MCP-Protocol-Version";
    private static final String PARAM_PREFIX = "Mcp-Param-";
    private static final MediaType SSE = MediaType.valueOf("text/event-stream");

    @Inject
    private McpEngine engine;

    @Inject
    private McpConfig config;

    @Context
    private HttpServletResponse servletResponse;

    @Inject
    private CurrentCaller caller;

    @Inject
    private ResourceServerConfig resourceServer;

    @POST
    public Response post(InputStream body, @HeaderParam("Accept") String accept, @HeaderParam(SESSION) String session,
            @HeaderParam(VERSION) String version, @HeaderParam("Mcp-Method") String method,
            @HeaderParam("Mcp-Name") String name, @Context HttpHeaders headers) throws IOException {
        if (!AcceptHeader.acceptsJsonAndEventStream(accept)) {
            return json(Reply.of(406, JsonRpc.error(null, JsonRpcErrorCodes.INVALID_REQUEST,
                    "Not Acceptable: Accept must list application/json and text/event-stream", null)));
        }
        byte[] bytes = body.readNBytes(config.maxBodyBytes() + 1);
        if (bytes.length > config.maxBodyBytes()) {
            return json(Reply.of(413, JsonRpc.error(null, JsonRpcErrorCodes.INVALID_REQUEST,
                    "Payload Too Large: the limit is " + config.maxBodyBytes() + " bytes", null)));
        }
        JsonRpcMessage message;
        try {
            message = JsonRpc.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (McpError e) {
            return json(McpServer.malformed(e));
        }
        McpServer server = engine.server();
        Prepared prepared = server.prepare(new Incoming(message, session, version, method, name, paramHeaders(headers),
                caller.get()));
        if (prepared instanceof Prepared.Answer answer) {
            return json(answer.reply());
        }
        Call call = ((Prepared.Run) prepared).call();
        if (call.streams()) {
            return stream(server, call, servletResponse);
        }
        return json(server.execute(call, Outbound.DISCARD));
    }

    @GET
    public Response get() {
        return Response.status(Response.Status.METHOD_NOT_ALLOWED).header("Allow", "POST, DELETE").build();
    }

    @DELETE
    public Response delete(@HeaderParam(SESSION) String session) {
        if (session == null) {
            return Response.status(Response.Status.METHOD_NOT_ALLOWED).header("Allow", "POST").build();
        }
        return Response.status(engine.server().endSession(session, caller.get()) ? Response.Status.NO_CONTENT
                : Response.Status.NOT_FOUND).build();
    }

    /** The {@code Mcp-Param-*} headers by suffix (T26 custom headers). */
    private static Map<String, String> paramHeaders(HttpHeaders headers) {
        Map<String, String> params = new HashMap<>();
        headers.getRequestHeaders().forEach((header, values) -> {
            if (header.regionMatches(true, 0, PARAM_PREFIX, 0, PARAM_PREFIX.length()) && !values.isEmpty()) {
                params.put(header.substring(PARAM_PREFIX.length()), values.get(0));
            }
        });
        return params;
    }

    private static Response stream(McpServer server, Call call, HttpServletResponse servlet) {
        StreamingOutput output = out -> {
            SseStream stream = new SseStream(out, servlet::flushBuffer);
            Reply reply = server.execute(call, stream);
            stream.send(reply.body());
        };
        return Response.ok(output, SSE).header("Cache-Control", "no-cache").header("X-Accel-Buffering", "no").build();
    }

    private Response json(Reply reply) {
        Response.ResponseBuilder response = Response.status(reply.status());
        if (!reply.requiredScopes().isEmpty()) {
            // RFC 6750 3.1 step-up: ask for what the caller has plus what this operation needs (MCP 2025-11-25)
            java.util.SortedSet<String> scopes = new java.util.TreeSet<>(caller.get().scopes());
            scopes.addAll(reply.requiredScopes());
            response.header("WWW-Authenticate", Challenge.insufficientScope(resourceServer.metadataUrl(), scopes));
        }
        if (reply.body() != null) {
            response.type(MediaType.APPLICATION_JSON_TYPE).entity(reply.body().toString());
        }
        if (reply.newSessionId() != null) {
            response.header(SESSION, reply.newSessionId());
        }
        return response.build();
    }
}
