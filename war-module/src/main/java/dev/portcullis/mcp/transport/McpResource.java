package dev.portcullis.mcp.transport;

import dev.portcullis.audit.AuditEvent;
import dev.portcullis.audit.AuditEventType;
import dev.portcullis.audit.AuditTrail;
import dev.portcullis.config.McpConfig;
import dev.portcullis.inspector.McpExchanges;
import dev.portcullis.mcp.api.Caller;
import dev.portcullis.mcp.protocol.JsonRpc;
import dev.portcullis.mcp.protocol.JsonRpcErrorCodes;
import dev.portcullis.mcp.protocol.JsonRpcMessage;
import dev.portcullis.mcp.protocol.McpError;
import dev.portcullis.mcp.server.Call;
import dev.portcullis.mcp.server.Incoming;
import dev.portcullis.mcp.server.McpServer;
import dev.portcullis.mcp.server.Opened;
import dev.portcullis.mcp.server.Prepared;
import dev.portcullis.mcp.server.exchange.Outbound;
import dev.portcullis.mcp.server.exchange.Reply;
import dev.portcullis.mcp.server.notifications.NotificationStream;
import dev.portcullis.oauth.error.OAuthErrorCodes;
import dev.portcullis.resourceserver.Challenge;
import dev.portcullis.resourceserver.McpEndpoint;
import dev.portcullis.resourceserver.RequestCaller;
import dev.portcullis.resourceserver.ResourceServerConfig;
import dev.portcullis.telemetry.Telemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * {@code /mcp}: the Streamable HTTP endpoint for both protocol eras. POST carries one JSON-RPC message (a modern
 * {@code subscriptions/listen} answers with a long-lived notification stream, which holds a request thread while it
 * is open); GET opens a legacy session's standalone SSE stream asynchronously (405 without a session: the modern era
 * has none); DELETE ends a legacy session.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#streamable-http">Streamable HTTP</a>
 */
@Path("/mcp")
@McpEndpoint
@ApplicationScoped
public class McpResource {

    static final String SESSION = "Mcp-Session-Id";
    static final String VERSION = "MCP-Protocol-Version";
    private static final String PARAM_PREFIX = "Mcp-Param-";
    private static final MediaType SSE = MediaType.valueOf("text/event-stream");
    /** The {@code retry} (ms) of the SEP-1699 priming event: how long a client waits before reconnecting. */
    static final long RETRY_MILLIS = 2000;

    @Inject
    private AuditTrail audit;

    @Inject
    private McpEngine engine;

    @Inject
    private McpConfig config;

    @Inject
    private ResourceServerConfig resourceServer;

    @Inject
    private Telemetry telemetry;

    @Inject
    private McpExchanges inspector;

    @POST
    public Response post(
            InputStream body,
            @HeaderParam("Accept") String accept,
            @HeaderParam(SESSION) String session,
            @HeaderParam(VERSION) String version,
            @HeaderParam("Mcp-Method") String method,
            @HeaderParam("Mcp-Name") String name,
            @Context HttpHeaders headers,
            @Context HttpServletRequest servletRequest,
            @Context HttpServletResponse servletResponse)
            throws IOException {
        if (!AcceptHeader.acceptsJsonAndEventStream(accept)) {
            return json(Reply.of(
                    406,
                    JsonRpc.error(
                            null,
                            JsonRpcErrorCodes.INVALID_REQUEST,
                            "Not Acceptable: Accept must list application/json and text/event-stream",
                            null)));
        }
        byte[] bytes = body.readNBytes(config.maxBodyBytes() + 1);
        if (bytes.length > config.maxBodyBytes()) {
            return json(Reply.of(
                    413,
                    JsonRpc.error(
                            null,
                            JsonRpcErrorCodes.INVALID_REQUEST,
                            "Payload Too Large: the limit is " + config.maxBodyBytes() + " bytes",
                            null)));
        }
        JsonRpcMessage message;
        try {
            message = JsonRpc.parse(bytes);
        } catch (McpError e) {
            return json(McpServer.malformed(e));
        }
        long started = System.nanoTime();
        McpServer server = engine.server();
        // Mcp-Param-* headers matter only to modern tools/call; scanning every header costs on each request.
        Map<String, String> params = "tools/call".equals(method) ? paramHeaders(headers) : Map.of();
        Caller caller = RequestCaller.of(servletRequest);
        Prepared prepared = server.prepare(new Incoming(message, session, version, method, name, params, caller));
        Inspected inspected = new Inspected(message, session, caller, started);
        if (prepared instanceof Prepared.Answer answer) {
            return inspected.answered(answer(answer.reply(), caller), answer.reply());
        }
        Call call = ((Prepared.Run) prepared).call();
        if (call.listens()) {
            NotificationSse queue = new NotificationSse();
            inspected.answered(200, null);
            return notificationStream(server.listen(call, queue), queue, servletResponse);
        }
        if (call.streams()) {
            return stream(server, call, servletResponse, inspected);
        }
        Reply reply = server.execute(call, Outbound.DISCARD);
        return inspected.answered(json(reply), reply);
    }

    /**
     * One POST as the live inspector hears of it once answered ({@link McpExchanges}): method, target, caller,
     * session, status, timing and both bodies; the broadcaster redacts them and never blocks.
     */
    private final class Inspected {
        private final JsonRpcMessage message;
        private final String session;
        private final Caller caller;
        private final long started;

        Inspected(JsonRpcMessage message, String session, Caller caller, long started) {
            this.message = message;
            this.session = session;
            this.caller = caller;
            this.started = started;
        }

        Response answered(Response response, Reply reply) {
            answered(reply.status(), reply.body(), reply.newSessionId());
            return response;
        }

        void answered(int status, JsonObject body) {
            answered(status, body, null);
        }

        private void answered(int status, JsonObject body, String newSession) {
            try {
                JsonObject params = message.params();
                String target = params == null ? null : params.getString("name", params.getString("uri", null));
                inspector.publish(new McpExchanges.Raw(
                        message.method(),
                        target,
                        caller.anonymous() ? null : caller.name(),
                        caller.claim("client_id").map(String::valueOf).orElse(null),
                        newSession != null ? newSession : session,
                        status,
                        System.nanoTime() - started,
                        message.raw(),
                        body,
                        "tools/call".equals(message.method()) ? engine.sensitiveArguments(target) : Set.of()));
            } catch (RuntimeException e) {
                Logger.getLogger(McpResource.class.getName()).warning("The live inspector failed: " + e);
            }
        }
    }

    /**
     * The standalone SSE stream of a legacy session (T25 2.8), asynchronous: the request thread returns at once.
     * {@link StreamGuardFilter} has refused what cannot be streamed (no session: 405; unknown session: 404; bad
     * version: 400); Accept without {@code text/event-stream} is 406.
     */
    @GET
    @Produces("text/event-stream")
    public void get(
            @HeaderParam(SESSION) String session,
            @HeaderParam(VERSION) String version,
            @Context HttpServletRequest request,
            @Context SseEventSink sink,
            @Context Sse sse) {
        SinkStream out = new SinkStream(sink, sse);
        Opened opened = engine.server()
                .openStandaloneStream(
                        session, version, RequestCaller.of(request).name(), out);
        if (opened.refusal() != null) {
            sink.close(); // the session ended since the filter looked
            return;
        }
        NotificationStream stream = opened.start().get();
        out.start(engine.scheduler(), config.keepAlive(), stream::close);
    }

    @DELETE
    public Response delete(@HeaderParam(SESSION) String session, @Context HttpServletRequest request) {
        if (session == null) {
            return Response.status(Response.Status.METHOD_NOT_ALLOWED)
                    .header("Allow", "POST")
                    .build();
        }
        if (engine.server().endSession(session, RequestCaller.of(request).name())) {
            return Response.noContent().build();
        }
        telemetry.mcpRefused("session_not_found", 404);
        return Response.status(Response.Status.NOT_FOUND).build();
    }

    private Response notificationStream(Opened opened, NotificationSse queue, HttpServletResponse servlet) {
        if (opened.refusal() != null) {
            return json(opened.refusal());
        }
        Duration keepAlive = config.keepAlive();
        StreamingOutput output = out -> {
            NotificationStream stream = opened.start().get();
            try {
                queue.pump(new SseStream(out, servlet::flushBuffer), keepAlive);
            } finally {
                stream.close();
            }
        };
        return Response.ok(output, SSE)
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no")
                .build();
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

    private static Response stream(McpServer server, Call call, HttpServletResponse servlet, Inspected inspected) {
        StreamingOutput output = out -> {
            SseStream stream = new SseStream(out, servlet::flushBuffer);
            if (call.primesStream()) {
                stream.prime(RETRY_MILLIS);
            }
            Reply reply = server.execute(call, stream);
            stream.send(reply.body());
            inspected.answered(reply.status(), reply.body());
        };
        return Response.ok(output, SSE)
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no")
                .build();
    }

    /** The engine's answer to a POST; a 403 step-up gets its RFC 6750 challenge. */
    private Response answer(Reply reply, Caller caller) {
        Response response = json(reply);
        if (reply.requiredScopes().isEmpty()) {
            if (reply.status() == 404) {
                telemetry.mcpRefused("session_not_found", 404); // the engine answers 404 for nothing else
            }
            return response;
        }
        telemetry.mcpRefused(OAuthErrorCodes.INSUFFICIENT_SCOPE, 403);
        // step-up: ask for what the caller has plus what this operation needs (MCP 2025-11-25 scope challenge)
        SortedSet<String> scopes = new TreeSet<>(caller.scopes());
        scopes.addAll(reply.requiredScopes());
        audit.record(AuditEvent.of(AuditEventType.BEARER_REFUSED)
                .outcome(AuditEvent.FAILED)
                .detail("reason", OAuthErrorCodes.INSUFFICIENT_SCOPE)
                .subject(caller.name())
                .client(AuditEvent.claimText(caller.claim("client_id").orElse(null)))
                .detail("required_scope", String.join(" ", reply.requiredScopes())));
        return Response.fromResponse(response)
                .header("WWW-Authenticate", Challenge.insufficientScope(resourceServer.metadataUrl(), scopes))
                .build();
    }

    static Response json(Reply reply) {
        Response.ResponseBuilder response = Response.status(reply.status());
        if (reply.body() != null) {
            response.type(MediaType.APPLICATION_JSON_TYPE).entity(reply.body().toString());
        }
        if (reply.newSessionId() != null) {
            response.header(SESSION, reply.newSessionId());
        }
        return response.build();
    }
}
