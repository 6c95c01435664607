/**
 * The live inspector's feed: every JSON-RPC exchange {@code /mcp} answers, redacted of tokens and secrets
 * ({@link dev.portcullis.inspector.ExchangeRedaction}), kept in a bounded ring buffer and handed to at most a few
 * inspector streams ({@link dev.portcullis.inspector.McpExchanges}). One instance per application, so the MCP web
 * module publishes and the authorization server's console subscribes on the same node. Publishing never blocks: a
 * stream that falls behind is dropped. Depends on the MCP protocol's JSON helpers and the audit settings (its redaction fields).
 */
package dev.portcullis.inspector;
