package dev.portcullis.mcp.protocol.wire;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code InitializeResult}, 2025-11-25 only (the 2026-07-28 revision has no {@code initialize}).
 *
 * @param instructions optional
 * @see <a href="https://modelcontextprotocol.io/specification/2025-11-25/schema#initializeresult">InitializeResult</a>
 */
@JsonbPropertyOrder({"protocolVersion", "capabilities", "serverInfo", "instructions"})
public record InitializeResult(
        String protocolVersion,
        ServerCapabilities.Legacy capabilities,
        Implementation serverInfo,
        String instructions) {}
