/**
 * Fixtures for the official MCP conformance suite ({@code @modelcontextprotocol/conformance}): features with the
 * exact names and payloads its server scenarios expect. Written against the public API only, like any tool author's
 * code.
 */
package dev.portcullis.conformance;
