package dev.portcullis.mcp.server.observation;

import dev.portcullis.mcp.api.Caller;
import jakarta.json.JsonObject;

/**
 * One answered feature call, as {@link McpObserver} hears it. {@code target} is the tool or prompt name or the
 * resource URI; {@code outcome} is {@value #OK}, {@value #TOOL_ERROR} (a result with {@code isError}),
 * {@value #INPUT_REQUIRED} or {@value #ERROR} (a JSON-RPC error, {@code errorCode} set). {@code arguments} and
 * {@code result} are null unless the tool opted in ({@code @Tool(auditArguments = true)}). {@code downstreamFailure}
 * is set when the tool call ended because no downstream credential could be obtained (its result is a tool error).
 */
public record ServedCall(
        String method,
        String target,
        Caller caller,
        String outcome,
        Integer errorCode,
        long durationNanos,
        JsonObject arguments,
        JsonObject result,
        DownstreamFailure downstreamFailure) {

    public ServedCall(
            String method,
            String target,
            Caller caller,
            String outcome,
            Integer errorCode,
            long durationNanos,
            JsonObject arguments,
            JsonObject result) {
        this(method, target, caller, outcome, errorCode, durationNanos, arguments, result, null);
    }

    /** Which downstream had no credential, and the safe reason code of {@code DownstreamException#reason()}. */
    public record DownstreamFailure(String downstream, String reason) {}

    public static final String OK = "ok";
    public static final String TOOL_ERROR = "tool_error";
    public static final String INPUT_REQUIRED = "input_required";
    public static final String ERROR = "error";
}
