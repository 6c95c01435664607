package dev.portcullis.mcp.protocol.wire;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.Map;

/**
 * {@code InputRequiredResult}, 2026-07-28 only: a {@code tools/call}, {@code prompts/get} or
 * {@code resources/read} that needs the client's answers first.
 *
 * @param resultType always {@code input_required}
 * @param requestState the signed state the client sends back with its answers
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/schema#inputrequiredresult">InputRequiredResult 2026-07-28</a>
 */
@JsonbPropertyOrder({"resultType", "inputRequests", "requestState"})
public record InputRequiredResult(String resultType, Map<String, InputRequest> inputRequests, String requestState) {

    public InputRequiredResult(Map<String, InputRequest> inputRequests, String requestState) {
        this("input_required", inputRequests, requestState);
    }
}
