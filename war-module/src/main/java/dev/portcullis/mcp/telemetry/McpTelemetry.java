package dev.portcullis.mcp.telemetry;

import dev.portcullis.mcp.server.observation.McpInstrumentation;
import dev.portcullis.telemetry.Telemetry;
import dev.portcullis.telemetry.TelemetrySpan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Spans and metrics for what the engine serves. The request span is named after the method ({@code mcp tools/call})
 * and carries {@code rpc.system=jsonrpc}, {@code rpc.method}, {@code mcp.tool.name} and {@code oauth.client_id}; the
 * tool bean's span is {@code mcp tool <name>}.
 *
 * @see <a href="https://opentelemetry.io/docs/specs/semconv/rpc/json-rpc/">OpenTelemetry semantic conventions for
 *      JSON-RPC</a>
 */
@ApplicationScoped
public class McpTelemetry implements McpInstrumentation {

    @Inject
    private Telemetry telemetry;

    @Override
    public Observation request(String method, String tool, String clientId) {
        long started = System.nanoTime();
        TelemetrySpan span = telemetry.span(
                "mcp " + method,
                Telemetry.RPC_SYSTEM,
                "jsonrpc",
                Telemetry.RPC_METHOD,
                method,
                Telemetry.TOOL_NAME,
                NO_TOOL.equals(tool) ? null : tool,
                Telemetry.CLIENT_ID,
                clientId);
        return errorCode -> {
            try {
                span.end(errorCode);
            } finally {
                telemetry.mcpRequest(method, tool, errorCode, Duration.ofNanos(System.nanoTime() - started));
            }
        };
    }

    @Override
    public Observation feature(String kind, String name) {
        TelemetrySpan span = telemetry.span("mcp " + kind + " " + name, Telemetry.TOOL_NAME, name);
        return span::end;
    }
}
