package dev.portcullis.mcp.server.input;

import dev.portcullis.mcp.api.ClientRequests;
import dev.portcullis.mcp.protocol.wire.InputRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thrown out of a feature method when it asks the client something the modern-era request has no answer for; the
 * dispatcher turns it into an {@code InputRequiredResult}.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/basic/patterns/mrtr">Multi-round-trip requests</a>
 */
public final class InputRequired extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, ClientRequests.Request> requests;

    InputRequired(Map<String, ClientRequests.Request> requests) {
        super("input required", null, false, false);
        this.requests = Map.copyOf(requests);
    }

    public Map<String, ClientRequests.Request> requests() {
        return requests;
    }

    /** {@code requests} as the wire's {@code InputRequests}, in their order. */
    public static Map<String, InputRequest> inputRequests(Map<String, ClientRequests.Request> requests) {
        Map<String, InputRequest> wire = new LinkedHashMap<>();
        requests.forEach((key, request) -> wire.put(key, new InputRequest(request.method(), request.params())));
        return wire;
    }
}
