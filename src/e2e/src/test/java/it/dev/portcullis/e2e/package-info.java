/**
 * End-to-end: real MCP clients (the official TypeScript SDK under Node 22, with headless Chromium as the user)
 * go through the whole OAuth journey against the product EAR on its own Liberty server. {@link
 * it.dev.portcullis.e2e.JourneyIT} runs the Node scenarios in {@code src/e2e/client} and checks, step by step,
 * what they report.
 */
package it.dev.portcullis.e2e;
