package dev.portcullis.mcp.protocol.wire;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * A server-to-client request as an {@code InputRequest} (2026-07-28: a value of {@code InputRequests}, in an
 * {@code InputRequiredResult} or a task's {@code inputRequests}): {@code sampling/createMessage},
 * {@code elicitation/create} or {@code roots/list}. The params are the tool's, built by the API
 * ({@code dev.portcullis.mcp.api.ClientRequests}) and passed through.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/schema#inputrequest">InputRequest 2026-07-28</a>
 */
@JsonbPropertyOrder({"method", "params"})
public record InputRequest(String method, JsonObject params) {}
