package dev.portcullis.mcp.protocol.wire;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The {@code data} of {@code UnsupportedProtocolVersionError} (-32022), 2026-07-28 only.
 *
 * @see <a href="https://modelcontextprotocol.io/specification/2026-07-28/schema#unsupportedprotocolversionerror">UnsupportedProtocolVersionError</a>
 */
@JsonbPropertyOrder({"supported", "requested"})
public record UnsupportedProtocolVersionData(List<String> supported, String requested) {}
