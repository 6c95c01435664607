package dev.portcullis.mcp.server.context;

import dev.portcullis.mcp.api.Caller;
import dev.portcullis.mcp.api.DownstreamException;
import dev.portcullis.mcp.api.McpLog;
import dev.portcullis.mcp.api.Progress;
import dev.portcullis.mcp.protocol.JsonRpc;
import dev.portcullis.mcp.protocol.JsonRpcMessage;
import dev.portcullis.mcp.protocol.McpMethods;
import dev.portcullis.mcp.protocol.wire.LoggingMessageNotificationParams;
import dev.portcullis.mcp.protocol.wire.ProgressNotificationParams;
import dev.portcullis.mcp.protocol.wire.Wire;
import dev.portcullis.mcp.server.exchange.Era;
import dev.portcullis.mcp.server.exchange.Outbound;
import dev.portcullis.mcp.server.input.InputResponses;
import dev.portcullis.mcp.server.input.LegacyClientRequests;
import dev.portcullis.mcp.server.input.ModernClientRequests;
import dev.portcullis.mcp.session.McpSession;
import dev.portcullis.mcp.tools.InvocationScope;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/** One request being served: its message, era, version, session (legacy only) and outbound channel. */
public final class RequestContext {

    /** {@code _meta} key of the modern era's per-request log level. */
    public static final String LOG_LEVEL_META = "io.modelcontextprotocol/logLevel";

    private final JsonRpcMessage message;
    private final Era era;
    private final String protocolVersion;
    private final McpSession session;
    private final Outbound outbound;
    private final AtomicBoolean cancelled;
    private final Caller caller;
    private String newSessionId;
    private InputResponses inputs = InputResponses.NONE;
    private volatile DownstreamException downstreamFailure;

    public RequestContext(
            JsonRpcMessage message,
            Era era,
            String protocolVersion,
            McpSession session,
            Outbound outbound,
            AtomicBoolean cancelled,
            Caller caller) {
        this.message = message;
        this.caller = caller;
        this.era = era;
        this.protocolVersion = protocolVersion;
        this.session = session;
        this.outbound = outbound;
        this.cancelled = cancelled;
    }

    /** Who sent the request. */
    public Caller caller() {
        return caller;
    }

    public JsonRpcMessage message() {
        return message;
    }

    public JsonObject params() {
        return message.params();
    }

    public Era era() {
        return era;
    }

    public String protocolVersion() {
        return protocolVersion;
    }

    /** The authenticated user's name; null on an open endpoint. */
    public String principal() {
        return caller.name();
    }

    /** The legacy session; null in the modern era and during {@code initialize}. */
    public McpSession session() {
        return session;
    }

    /** The answers this (modern) request carries, from {@code inputResponses} and the verified {@code requestState}. */
    public InputResponses inputs() {
        return inputs;
    }

    public void inputs(InputResponses inputs) {
        this.inputs = inputs;
    }

    public String newSessionId() {
        return newSessionId;
    }

    /** The downstream credential failure that ended this request's tool call, or null. */
    public DownstreamException downstreamFailure() {
        return downstreamFailure;
    }

    public void downstreamFailed(DownstreamException failure) {
        this.downstreamFailure = failure;
    }

    public void newSessionId(String id) {
        this.newSessionId = id;
    }

    /** What feature methods receive: progress, log and cancellation bound to this request. */
    public InvocationScope scope() {
        return new InvocationScope(
                progress(),
                log(),
                () -> cancelled.get() || outbound.isClosed(),
                era == Era.MODERN
                        ? new ModernClientRequests(modernCapabilities(), inputs)
                        : new LegacyClientRequests(session, outbound, cancelled),
                () -> {},
                caller);
    }

    /** The modern request's {@code _meta} client capabilities (empty in the legacy era). */
    public JsonObject clientCapabilities() {
        return era == Era.MODERN ? modernCapabilities() : JsonValue.EMPTY_JSON_OBJECT;
    }

    private JsonObject modernCapabilities() {
        JsonValue capabilities = message.meta().get("io.modelcontextprotocol/clientCapabilities");
        return capabilities instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    }

    private Progress progress() {
        JsonValue token = message.meta().get("progressToken");
        return new Progress() {
            private double last = Double.NEGATIVE_INFINITY;

            @Override
            public boolean active() {
                return token != null;
            }

            @Override
            public synchronized void notify(double progress, Double total, String text) {
                if (token == null || progress <= last) {
                    return; // PRG25: progress MUST increase; without a token nothing may be sent
                }
                last = progress;
                outbound.send(JsonRpc.notification(
                        McpMethods.PROGRESS,
                        Wire.toJson(new ProgressNotificationParams(token, progress, total, text))));
            }
        };
    }

    private McpLog log() {
        String threshold = era == Era.MODERN
                ? message.meta().getString(LOG_LEVEL_META, null)
                : session == null ? null : session.logLevel();
        if (era == Era.MODERN && threshold == null) {
            return (level, logger, text) -> {}; // LOG26: no logLevel, no log messages
        }
        McpLog.Level minimum =
                threshold == null ? McpLog.Level.DEBUG : McpLog.Level.valueOf(threshold.toUpperCase(Locale.ROOT));
        return (level, logger, text) -> {
            if (level.compareTo(minimum) >= 0) {
                outbound.send(JsonRpc.notification(
                        McpMethods.MESSAGE,
                        Wire.toJson(new LoggingMessageNotificationParams(
                                level.name().toLowerCase(Locale.ROOT), logger, text))));
            }
        };
    }
}
