/**
 * What the integration tests share: the Liberty server the build started (its paths, restarts and crashes),
 * HTTPS clients that trust exactly that server's generated certificate, and the official MCP TypeScript SDK client
 * of {@code src/e2e/client} ({@link it.dev.portcullis.support.SdkClient}) for the suites that run it.
 */
package it.dev.portcullis.support;
