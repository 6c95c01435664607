/**
 * Hostile input against the running server: malformed and oversized JSON at {@code /mcp} and
 * {@code /oauth/register}, and the HTTP-level fuzzer ({@code HttpFuzzIT}) that sends generated requests to the
 * MCP and OAuth endpoints and checks that none gets a 5xx, the log holds no stack trace and the server stays ready.
 */
package it.dev.portcullis.fuzz;
