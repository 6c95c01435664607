package dev.portcullis.mcp.tools;

import dev.portcullis.mcp.api.Caller;
import dev.portcullis.mcp.api.Cancellation;
import dev.portcullis.mcp.api.ClientRequests;
import dev.portcullis.mcp.api.McpLog;
import dev.portcullis.mcp.api.Progress;
import dev.portcullis.mcp.api.TaskHandoff;
import dev.portcullis.mcp.api.ToolCallException;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Objects;

/** What the server supplies to feature-method parameters that are not client arguments. */
public record InvocationScope(
        Progress progress,
        McpLog log,
        Cancellation cancellation,
        ClientRequests client,
        TaskHandoff handoff,
        Caller caller) {

    /** A scope for an anonymous caller. */
    public InvocationScope(
            Progress progress, McpLog log, Cancellation cancellation, ClientRequests client, TaskHandoff handoff) {
        this(progress, log, cancellation, client, handoff, Caller.ANONYMOUS);
    }

    /** A scope whose {@link TaskHandoff} does nothing (the call is not, and will not become, a task). */
    public InvocationScope(Progress progress, McpLog log, Cancellation cancellation, ClientRequests client) {
        this(progress, log, cancellation, client, () -> {});
    }

    public InvocationScope {
        Objects.requireNonNull(progress, "progress cannot be null");
        Objects.requireNonNull(log, "log cannot be null");
        Objects.requireNonNull(cancellation, "cancellation cannot be null");
        Objects.requireNonNull(client, "client cannot be null");
        Objects.requireNonNull(handoff, "handoff cannot be null");
        Objects.requireNonNull(caller, "caller cannot be null");
    }

    /** This scope with another {@link TaskHandoff}. */
    public InvocationScope withHandoff(TaskHandoff other) {
        return new InvocationScope(progress, log, cancellation, client, other, caller);
    }

    /** A scope that reports nothing and is never cancelled. */
    public static InvocationScope silent() {
        return new InvocationScope(
                new Progress() {
                    @Override
                    public boolean active() {
                        return false;
                    }

                    @Override
                    public void notify(double progress, Double total, String message) {
                        // no progress token
                    }
                },
                (level, logger, message) -> {},
                () -> false,
                new ClientRequests() {
                    @Override
                    public boolean supports(String capability) {
                        return false;
                    }

                    @Override
                    public JsonObject ask(String key, String method, JsonObject params) {
                        throw new ToolCallException("The client cannot be asked anything here");
                    }

                    @Override
                    public Map<String, JsonObject> askAll(Map<String, Request> requests) {
                        throw new ToolCallException("The client cannot be asked anything here");
                    }
                });
    }

    /** The value for a server-supplied parameter of {@code type}. */
    Object supply(Class<?> type) {
        if (type == Progress.class) {
            return progress;
        }
        if (type == McpLog.class) {
            return log;
        }
        if (type == ClientRequests.class) {
            return client;
        }
        if (type == TaskHandoff.class) {
            return handoff;
        }
        if (type == Caller.class) {
            return caller;
        }
        return cancellation;
    }

    static boolean supplies(Class<?> type) {
        return type == Progress.class
                || type == McpLog.class
                || type == Cancellation.class
                || type == ClientRequests.class
                || type == TaskHandoff.class
                || type == Caller.class;
    }
}
