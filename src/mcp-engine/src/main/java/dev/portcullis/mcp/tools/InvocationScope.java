package dev.portcullis.mcp.tools;

import dev.portcullis.mcp.api.Cancellation;
import dev.portcullis.mcp.api.ClientRequests;
import dev.portcullis.mcp.api.McpLog;
import dev.portcullis.mcp.api.Progress;
import dev.portcullis.mcp.api.ToolCallException;
import java.util.Objects;

/** What the server supplies to feature-method parameters that are not client arguments. */
public record InvocationScope(Progress progress, McpLog log, Cancellation cancellation, ClientRequests client) {

    public InvocationScope {
        Objects.requireNonNull(progress, "progress cannot be null");
        Objects.requireNonNull(log, "log cannot be null");
        Objects.requireNonNull(cancellation, "cancellation cannot be null");
        Objects.requireNonNull(client, "client cannot be null");
    }

    /** A scope that reports nothing and is never cancelled. */
    public static InvocationScope silent() {
        return new InvocationScope(new Progress() {
            @Override
            public boolean active() {
                return false;
            }

            @Override
            public void notify(double progress, Double total, String message) {
                // no progress token
            }
        }, (level, logger, message) -> { }, () -> false, new ClientRequests() {
            @Override
            public boolean supports(String capability) {
                return false;
            }

            @Override
            public jakarta.json.JsonObject ask(String key, String method, jakarta.json.JsonObject params) {
                throw new ToolCallException("The client cannot be asked anything here");
            }

            @Override
            public java.util.Map<String, jakarta.json.JsonObject> askAll(java.util.Map<String, Request> requests) {
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
        return cancellation;
    }

    static boolean supplies(Class<?> type) {
        return type == Progress.class || type == McpLog.class || type == Cancellation.class
                || type == ClientRequests.class;
    }
}
