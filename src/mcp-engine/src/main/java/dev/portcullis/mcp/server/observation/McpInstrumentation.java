package dev.portcullis.mcp.server.observation;

import java.util.function.Supplier;
import java.util.logging.Level;

/**
 * What the engine tells its instrumentation (traces, metrics) about the requests it serves, without knowing how they are
 * recorded: the engine stays free of server and telemetry specifics. Every label is bounded: a method the engine does
 * not know arrives as {@link #UNKNOWN}, a tool not in the registry too, so a hostile caller cannot make up series.
 * Called on the request thread; what an implementation throws is logged and ignored ({@link #safely}).
 */
public interface McpInstrumentation {

    /** The label of a method or tool the engine does not know. */
    String UNKNOWN = "(unknown)";
    /** The tool label of a request that names no tool. */
    String NO_TOOL = "-";
    /** The outcome code of a tool result with {@code isError: true} (a tool error is a result, not a JSON-RPC error). */
    String TOOL_ERROR = "tool_error";

    /**
     * A JSON-RPC request the dispatcher starts to serve.
     *
     * @param method a method the engine knows, or {@link #UNKNOWN}
     * @param tool the registered tool a {@code tools/call} names, {@link #UNKNOWN}, or {@link #NO_TOOL}
     * @param clientId the OAuth client the caller's token was issued to, or {@code null}; never a token
     */
    Observation request(String method, String tool, String clientId);

    /** A feature bean's method (a tool) the engine is about to run for the current request. */
    Observation feature(String kind, String name);

    /** Ends when the observed work ends, on the thread that started it. */
    interface Observation {

        /** @param errorCode the JSON-RPC error code, {@link #TOOL_ERROR}, or {@code null} for success */
        void end(String errorCode);
    }

    /**
     * The observation {@code start} begins, or a no-op one if it throws; its {@code end} never throws either: telemetry
     * never breaks the request it observes.
     */
    static Observation safely(Supplier<Observation> start) {
        Observation observation;
        try {
            observation = start.get();
        } catch (RuntimeException e) {
            Logger.LOG.log(Level.WARNING, "MCP instrumentation failed: {0}", e.toString());
            return errorCode -> {};
        }
        return errorCode -> {
            try {
                observation.end(errorCode);
            } catch (RuntimeException e) {
                Logger.LOG.log(Level.WARNING, "MCP instrumentation failed: {0}", e.toString());
            }
        };
    }

    /** Holds the logger (an interface cannot have private fields). */
    final class Logger {
        private static final java.util.logging.Logger LOG =
                java.util.logging.Logger.getLogger(McpInstrumentation.class.getName());

        private Logger() {}
    }

    /** Observes nothing: the default when the embedding application gives no observer. */
    McpInstrumentation NONE = new McpInstrumentation() {
        private static final Observation DONE = errorCode -> {};

        @Override
        public Observation request(String method, String tool, String clientId) {
            return DONE;
        }

        @Override
        public Observation feature(String kind, String name) {
            return DONE;
        }
    };
}
