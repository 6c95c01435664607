package dev.portcullis.mcp.protocol.wire;

import java.util.Map;

/**
 * The {@code data} of {@code MissingRequiredClientCapabilityError} (-32021), 2026-07-28 only: the client capabilities
 * the request needs.
 *
 * @param requiredCapabilities a {@code ClientCapabilities} object: capability name to its (JSON-B mapped) value,
 *        as {@code {"sampling": {}}} or {@code {"extensions": {"io.modelcontextprotocol/tasks": {}}}}
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/schema#missingrequiredclientcapabilityerror">MissingRequiredClientCapabilityError</a>
 */
public record MissingCapabilityData(Map<String, ?> requiredCapabilities) {}
