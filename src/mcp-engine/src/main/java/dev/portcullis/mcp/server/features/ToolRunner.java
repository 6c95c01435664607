package dev.portcullis.mcp.server.features;

import dev.portcullis.mcp.api.Caller;
import dev.portcullis.mcp.protocol.JsonRpcErrorCodes;
import dev.portcullis.mcp.protocol.McpError;
import dev.portcullis.mcp.server.context.RequestContext;
import dev.portcullis.mcp.server.input.InputRequired;
import dev.portcullis.mcp.server.observation.McpInstrumentation;
import dev.portcullis.mcp.tools.FeatureRegistry;
import dev.portcullis.mcp.tools.InvocationScope;
import dev.portcullis.mcp.tools.ToolDefinition;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.function.Supplier;

/**
 * Finds a tool for a caller and runs it under an observation of its own: what {@code tools/call} does on the
 * request, and what a task does on whichever server runs it (again), so both find and bind the tool the same way.
 */
public final class ToolRunner {

    private final Supplier<FeatureRegistry> registry;
    private final McpInstrumentation instrumentation;

    public ToolRunner(Supplier<FeatureRegistry> registry, McpInstrumentation instrumentation) {
        this.registry = registry;
        this.instrumentation = instrumentation;
    }

    /** The named tool, if this caller may see it: a tool outside the caller's roles is as unknown as a missing one. */
    public ToolDefinition tool(String name, Caller caller) {
        if (name == null) {
            throw McpError.invalidParams("Invalid params: name is required");
        }
        return registry.get()
                .tool(name)
                .filter(tool -> FeatureAccess.admits(tool.access(), caller))
                .orElseThrow(() -> McpError.invalidParams("Unknown tool: " + name));
    }

    /**
     * Runs the tool bean's method under an observation of its own (a child span of the request's); a downstream
     * credential failure that ended it is kept on the request's {@code context} for the observer (null for a
     * task's run, which has no request to report to).
     */
    public JsonObject call(RequestContext context, ToolDefinition tool, JsonObject args, InvocationScope scope) {
        McpInstrumentation.Observation observation =
                McpInstrumentation.safely(() -> instrumentation.feature("tool", tool.name()));
        String outcome = String.valueOf(JsonRpcErrorCodes.INTERNAL_ERROR);
        try {
            JsonObject result = tool.call(args, scope, context == null ? failure -> {} : context::downstreamFailed);
            outcome = result.get("isError") == JsonValue.TRUE ? McpInstrumentation.TOOL_ERROR : null;
            return result;
        } catch (HandOff | InputRequired pause) {
            outcome = null; // the method pauses (it runs again as a task, or with the client's answers)
            throw pause;
        } catch (McpError e) {
            outcome = String.valueOf(e.code());
            throw e;
        } finally {
            observation.end(outcome);
        }
    }
}
