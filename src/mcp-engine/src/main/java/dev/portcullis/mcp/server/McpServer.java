package dev.portcullis.mcp.server;

import dev.portcullis.mcp.protocol.JsonRpc;
import dev.portcullis.mcp.protocol.JsonRpcErrorCodes;
import dev.portcullis.mcp.protocol.JsonRpcMessage;
import dev.portcullis.mcp.protocol.McpError;
import dev.portcullis.mcp.protocol.McpMethods;
import dev.portcullis.mcp.protocol.ProtocolVersion;
import dev.portcullis.mcp.server.context.RequestContext;
import dev.portcullis.mcp.server.exchange.Era;
import dev.portcullis.mcp.server.exchange.Outbound;
import dev.portcullis.mcp.server.exchange.Reply;
import dev.portcullis.mcp.server.exchange.ServerInfo;
import dev.portcullis.mcp.server.features.FeatureAccess;
import dev.portcullis.mcp.server.notifications.ListenSubscription;
import dev.portcullis.mcp.server.notifications.ServerNotifications;
import dev.portcullis.mcp.server.notifications.SessionStream;
import dev.portcullis.mcp.server.observation.McpInstrumentation;
import dev.portcullis.mcp.server.observation.McpObserver;
import dev.portcullis.mcp.server.tasks.InMemoryTaskRecords;
import dev.portcullis.mcp.server.tasks.TaskLifecycle;
import dev.portcullis.mcp.server.tasks.TaskRecord;
import dev.portcullis.mcp.server.tasks.TaskRecords;
import dev.portcullis.mcp.session.InMemorySessionRecords;
import dev.portcullis.mcp.session.McpSession;
import dev.portcullis.mcp.session.SessionKeys;
import dev.portcullis.mcp.session.SessionRecord;
import dev.portcullis.mcp.session.SessionRecords;
import dev.portcullis.mcp.session.SessionStore;
import dev.portcullis.mcp.tools.FeatureRegistry;
import dev.portcullis.mcp.tools.ToolDefinition;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The dual-era MCP server: picks the era from how the client opens (V26), applies that era's rules and runs the
 * request through the {@link McpDispatcher}. {@code initialize} or an {@code Mcp-Session-Id} means legacy; a
 * 2026-07-28 {@code MCP-Protocol-Version} header or {@code _meta} protocol version means modern.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning">Versioning</a>
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/basic/transports">T25</a>
 */
public final class McpServer {

    private final McpDispatcher dispatcher;
    private final SessionStore sessions;
    private final Supplier<FeatureRegistry> registry;
    private final FeatureAccess access;
    private final ServerNotifications notifications;
    private final ServerInfo info;
    private final McpObserver observer;

    /** A server with its own notification hub and task threads (unit tests, embedding without a container). */
    public McpServer(Supplier<FeatureRegistry> registry, ServerInfo info, McpSettings settings) {
        this(registry, info, settings, new ServerNotifications(), TaskLifecycle.daemonThreads());
    }

    /**
     * @param notifications where feature beans' {@code McpNotifications} calls arrive
     * @param taskExecutor runs tasks of the tasks extension; in a container, a {@code ManagedExecutorService}
     */
    public McpServer(
            Supplier<FeatureRegistry> registry,
            ServerInfo info,
            McpSettings settings,
            ServerNotifications notifications,
            Executor taskExecutor) {
        this(registry, info, settings, notifications, taskExecutor, McpObserver.NONE);
    }

    /** @param observer hears every feature call answered and every legacy session opened or ended */
    public McpServer(
            Supplier<FeatureRegistry> registry,
            ServerInfo info,
            McpSettings settings,
            ServerNotifications notifications,
            Executor taskExecutor,
            McpObserver observer) {
        this(registry, info, settings, notifications, taskExecutor, observer, McpInstrumentation.NONE);
    }

    /** @param instrumentation times and traces every request the dispatcher serves and every tool it runs */
    public McpServer(
            Supplier<FeatureRegistry> registry,
            ServerInfo info,
            McpSettings settings,
            ServerNotifications notifications,
            Executor taskExecutor,
            McpObserver observer,
            McpInstrumentation instrumentation) {
        this(
                registry,
                info,
                settings,
                notifications,
                taskExecutor,
                observer,
                instrumentation,
                new InMemoryTaskRecords());
    }

    /**
     * A server over its own {@link InMemoryTaskRecords}, with its own notification hub and task threads; servers
     * given the same {@code taskRecords} share their tasks (unit tests of several servers).
     */
    public McpServer(
            Supplier<FeatureRegistry> registry, ServerInfo info, McpSettings settings, TaskRecords taskRecords) {
        this(
                registry,
                info,
                settings,
                new ServerNotifications(),
                TaskLifecycle.daemonThreads(),
                McpObserver.NONE,
                McpInstrumentation.NONE,
                taskRecords);
    }

    /**
     * @param taskRecords where the tasks of the tasks extension live: servers behind one load balancer must share
     *        them (the product keeps them in its database), so that any of them serves any task
     */
    public McpServer(
            Supplier<FeatureRegistry> registry,
            ServerInfo info,
            McpSettings settings,
            ServerNotifications notifications,
            Executor taskExecutor,
            McpObserver observer,
            McpInstrumentation instrumentation,
            TaskRecords taskRecords) {
        this(
                registry,
                info,
                settings,
                notifications,
                taskExecutor,
                observer,
                instrumentation,
                taskRecords,
                Clock.systemUTC());
    }

    /** @param clock tells session idle time, task expiry and requestState age; in a container, the injected one */
    public McpServer(
            Supplier<FeatureRegistry> registry,
            ServerInfo info,
            McpSettings settings,
            ServerNotifications notifications,
            Executor taskExecutor,
            McpObserver observer,
            McpInstrumentation instrumentation,
            TaskRecords taskRecords,
            Clock clock) {
        this(
                registry,
                info,
                settings,
                notifications,
                taskExecutor,
                observer,
                instrumentation,
                taskRecords,
                new InMemorySessionRecords(),
                clock);
    }

    /**
     * @param sessionRecords where legacy sessions are recorded: servers behind one load balancer must share them (the
     *        product keeps them in its database), so that any of them serves any session
     */
    public McpServer(
            Supplier<FeatureRegistry> registry,
            ServerInfo info,
            McpSettings settings,
            ServerNotifications notifications,
            Executor taskExecutor,
            McpObserver observer,
            McpInstrumentation instrumentation,
            TaskRecords taskRecords,
            SessionRecords sessionRecords,
            Clock clock) {
        Objects.requireNonNull(clock, "clock cannot be null");
        this.observer = Objects.requireNonNull(observer, "observer cannot be null");
        this.registry = Objects.requireNonNull(registry, "registry cannot be null");
        this.info = Objects.requireNonNull(info, "info cannot be null");
        this.notifications = Objects.requireNonNull(notifications, "notifications cannot be null");
        this.sessions = new SessionStore(
                Objects.requireNonNull(sessionRecords, "sessionRecords cannot be null"),
                settings.sessionIdleTimeout(),
                settings.maxSessions(),
                settings.maxSessionsPerSubject(),
                clock,
                this::sessionEnded);
        this.dispatcher = new McpDispatcher(
                registry,
                info,
                sessions,
                settings,
                Objects.requireNonNull(taskExecutor, "taskExecutor cannot be null"),
                observer,
                Objects.requireNonNull(instrumentation, "instrumentation cannot be null"),
                Objects.requireNonNull(taskRecords, "taskRecords cannot be null"),
                clock);
        this.access = new FeatureAccess(
                registry,
                (taskId, owner) -> taskRecords
                        .find(taskId)
                        .filter(task -> Objects.equals(task.owner(), owner))
                        .map(TaskRecord::toolName));
    }

    /** Applies the era's rules to a POSTed message. */
    public Prepared prepare(Incoming in) {
        JsonRpcMessage message = in.message();
        if (McpMethods.INITIALIZE.equals(message.method())
                && message.isRequest()
                && !ProtocolVersion.isModern(in.protocolVersion())) {
            return new Prepared.Run(new Call(message, Era.LEGACY, null, null, false, in.caller()));
        }
        String version = in.protocolVersion();
        boolean modern = ProtocolVersion.isModern(version)
                || (in.sessionId() == null
                        && !message.isResponse()
                        && message.meta().containsKey(ModernRequestRules.PROTOCOL_VERSION_META));
        if (modern) {
            return prepareModern(in);
        }
        if (in.sessionId() == null) {
            if (version != null && !ProtocolVersion.isLegacy(version)) {
                return answer(
                        400,
                        JsonRpcErrorCodes.UNSUPPORTED_PROTOCOL_VERSION,
                        "Unsupported protocol version",
                        message,
                        ModernRequestRules.unsupported(version));
            }
            return answer(
                    400,
                    JsonRpcErrorCodes.INVALID_REQUEST,
                    "Bad Request: Mcp-Session-Id header is required",
                    message,
                    null);
        }
        return prepareLegacy(in);
    }

    private Prepared prepareLegacy(Incoming in) {
        JsonRpcMessage message = in.message();
        Optional<McpSession> found = sessions.find(in.sessionId())
                .filter(s -> s.belongsTo(in.caller().name()));
        if (found.isEmpty()) {
            return answer(404, JsonRpcErrorCodes.INVALID_REQUEST, "Session not found", message, null);
        }
        McpSession session = found.get();
        if (in.protocolVersion() != null && !ProtocolVersion.isLegacy(in.protocolVersion())) {
            return answer(
                    400,
                    JsonRpcErrorCodes.INVALID_REQUEST,
                    "Bad Request: unsupported MCP-Protocol-Version " + in.protocolVersion(),
                    message,
                    null);
        }
        if (message.isResponse()) {
            session.complete(message.id(), message.raw());
            return new Prepared.Answer(Reply.accepted());
        }
        if (!message.isRequest()) {
            if (McpMethods.CANCELLED.equals(message.method())) {
                JsonValue requestId = message.params().get("requestId");
                if (requestId != null) {
                    session.cancel(requestId.toString());
                }
            }
            return new Prepared.Answer(Reply.accepted());
        }
        return run(new Call(
                message, Era.LEGACY, session.protocolVersion(), session, streams(message, Era.LEGACY), in.caller()));
    }

    private Prepared prepareModern(Incoming in) {
        JsonRpcMessage message = in.message();
        if (message.isResponse()) {
            return answer(
                    400,
                    JsonRpcErrorCodes.INVALID_REQUEST,
                    "Invalid Request: clients do not send responses in " + ProtocolVersion.MODERN,
                    message,
                    null);
        }
        Optional<JsonObject> violation = ModernRequestRules.violation(
                in,
                tool -> registry.get().tool(tool).map(ToolDefinition::headers).orElse(Map.of()));
        if (violation.isPresent()) {
            return new Prepared.Answer(Reply.of(400, violation.get()));
        }
        if (message.isNotification()) {
            return new Prepared.Answer(Reply.accepted());
        }
        return run(new Call(
                message,
                Era.MODERN,
                ProtocolVersion.MODERN,
                null,
                streams(message, Era.MODERN) || McpMethods.SUBSCRIPTIONS_LISTEN.equals(message.method()),
                in.caller()));
    }

    /**
     * Runs the call unless the caller lacks a scope the addressed tool, resource or prompt requires: that is the
     * HTTP 403 step-up answer, decided before any streaming starts.
     */
    private Prepared run(Call call) {
        Set<String> missing = access.missingScopes(call.message(), call.caller());
        if (missing.isEmpty()) {
            return new Prepared.Run(call);
        }
        JsonRpcMessage message = call.message();
        return new Prepared.Answer(Reply.insufficientScope(
                JsonRpc.error(
                        message.id(),
                        new McpError(
                                JsonRpcErrorCodes.INVALID_REQUEST,
                                "Forbidden: this operation needs the scopes "
                                        + String.join(" ", access.requiredScopes(message, call.caller())),
                                null,
                                403)),
                access.requiredScopes(message, call.caller())));
    }

    /** Runs a prepared call; notifications it sends go to {@code outbound} ahead of the returned response. */
    public Reply execute(Call call, Outbound outbound) {
        McpSession session = call.session();
        String key = call.message().id() == null ? null : call.message().id().toString();
        AtomicBoolean cancelled = session == null ? new AtomicBoolean() : session.begin(key);
        try {
            return dispatcher.dispatch(new RequestContext(
                    call.message(), call.era(), call.protocolVersion(), session, outbound, cancelled, call.caller()));
        } finally {
            if (session != null) {
                session.end(key);
            }
        }
    }

    /**
     * Opens a modern {@code subscriptions/listen} stream: sends the acknowledgement to {@code outbound} and
     * registers for notifications. Invalid filters are -32602 (as a {@link Reply}, before anything is streamed).
     */
    public Opened listen(Call call, Outbound outbound) {
        if (!call.listens()) {
            throw new IllegalArgumentException("not a subscriptions/listen call");
        }
        try {
            ListenSubscription subscription =
                    ListenSubscription.of(call.message().id(), call.message().params(), outbound, notifications, info);
            return new Opened(null, () -> {
                subscription.open();
                return subscription;
            });
        } catch (McpError e) {
            return new Opened(
                    Reply.of(e.httpStatus(), JsonRpc.error(call.message().id(), e)), null);
        }
    }

    /** Every OAuth scope the deployed features declare. */
    public SortedSet<String> scopesDeclared() {
        return registry.get().scopesDeclared();
    }

    /**
     * Opens a legacy session's standalone GET stream (T25 2.8): 404 for an unknown session, 400 for a bad
     * {@code MCP-Protocol-Version}. A second GET stream replaces the first.
     */
    public Opened openStandaloneStream(String sessionId, String protocolVersion, String principal, Outbound outbound) {
        Optional<Reply> refusal = standaloneStreamRefusal(sessionId, protocolVersion, principal);
        if (refusal.isPresent()) {
            return new Opened(refusal.get(), null);
        }
        McpSession session = sessions.find(sessionId.strip()).orElseThrow();
        return new Opened(null, () -> {
            SessionStream stream = new SessionStream(session, outbound, notifications);
            session.standaloneStream(stream);
            notifications.add(stream);
            return stream;
        });
    }

    /**
     * Why a GET stream cannot be opened, checked before the transport commits to streaming: 405 without a session
     * (the modern era has no GET stream), 400 with a legacy version header but no session or with an unsupported
     * version, 404 for an unknown or ended session (T25 2.8, 2.12, 2.13; T26 2.23).
     */
    public Optional<Reply> standaloneStreamRefusal(String sessionId, String protocolVersion, String principal) {
        String version = protocolVersion == null ? null : protocolVersion.strip();
        if (sessionId == null) {
            return Optional.of(
                    version != null && ProtocolVersion.isLegacy(version)
                            ? Reply.of(
                                    400,
                                    JsonRpc.error(
                                            null,
                                            JsonRpcErrorCodes.INVALID_REQUEST,
                                            "Bad Request: Mcp-Session-Id header is required",
                                            null))
                            : new Reply(405, null, null));
        }
        if (sessions.find(sessionId.strip())
                .filter(s -> Objects.equals(s.owner(), principal))
                .isEmpty()) {
            return Optional.of(
                    Reply.of(404, JsonRpc.error(null, JsonRpcErrorCodes.INVALID_REQUEST, "Session not found", null)));
        }
        if (version != null && !ProtocolVersion.isLegacy(version)) {
            return Optional.of(Reply.of(
                    400,
                    JsonRpc.error(
                            null,
                            JsonRpcErrorCodes.INVALID_REQUEST,
                            "Bad Request: unsupported MCP-Protocol-Version " + version,
                            null)));
        }
        return Optional.empty();
    }

    /** Ends a legacy session ({@code DELETE}); false when there was none (or it belongs to another user). */
    public boolean endSession(String sessionId, String principal) {
        String id = sessionId == null ? null : sessionId.strip();
        boolean ended = sessions.find(id)
                        .filter(s -> Objects.equals(s.owner(), principal))
                        .isPresent()
                && sessions.end(id);
        if (ended) {
            try {
                observer.sessionClosed(SessionKeys.of(id), principal, "deleted");
            } catch (RuntimeException e) {
                Logger.getLogger(McpServer.class.getName()).warning("An MCP observer failed: " + e);
            }
        }
        return ended;
    }

    /**
     * Forgets legacy sessions idle longer than the timeout, each reported to the observer as {@code expired};
     * the application runs it periodically. Returns how many ended.
     */
    public int expireIdleSessions() {
        return sessions.expireIdle();
    }

    private void sessionEnded(SessionRecord session, String reason) {
        try {
            observer.sessionClosed(session.key(), session.owner(), reason);
        } catch (RuntimeException e) {
            Logger.getLogger(McpServer.class.getName()).warning("An MCP observer failed: " + e);
        }
    }

    /** Ends a legacy session of an open endpoint. */
    public boolean endSession(String sessionId) {
        return endSession(sessionId, null);
    }

    /** Ends every notification stream gracefully (application shutdown). */
    public void close() {
        notifications.endAll();
    }

    /** The answer to a body that is not a JSON-RPC message (-32700 or -32600, HTTP 400). */
    public static Reply malformed(McpError error) {
        return Reply.of(error.httpStatus(), JsonRpc.error(null, error));
    }

    /**
     * Whether a call answers with SSE: tools that may send progress (with a token), log messages or (legacy only)
     * client requests. Modern calls never carry server requests, and log only when {@code _meta} asks (LOG26), so
     * they stay plain JSON otherwise and errors such as -32021 keep their HTTP 400.
     */
    private boolean streams(JsonRpcMessage message, Era era) {
        if (!McpMethods.TOOLS_CALL.equals(message.method())) {
            return false;
        }
        if (message.meta().containsKey("progressToken")) {
            return true;
        }
        Optional<ToolDefinition> tool = registry.get().tool(message.params().getString("name", ""));
        if (era == Era.MODERN) {
            return message.meta().containsKey(RequestContext.LOG_LEVEL_META)
                    && tool.map(ToolDefinition::mayLog).orElse(false);
        }
        return tool.map(ToolDefinition::mayNotify).orElse(false);
    }

    private static Prepared answer(int status, int code, String text, JsonRpcMessage message, JsonValue data) {
        return new Prepared.Answer(
                Reply.of(status, JsonRpc.error(message.id(), new McpError(code, text, data, status))));
    }
}
