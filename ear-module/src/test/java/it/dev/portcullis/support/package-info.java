/**
 * What the integration tests share: the server under test ({@link it.dev.portcullis.support.AppServer}, chosen by
 * {@code it.server}: the Liberty server the build started, or a Payara domain that
 * {@link it.dev.portcullis.support.ServerUnderTest} installs from {@code src/servers/payara}), its paths, restarts and
 * crashes; HTTPS clients that trust exactly that server's certificate; and the official MCP TypeScript SDK client of
 * {@code src/e2e/client} ({@link it.dev.portcullis.support.SdkClient}) for the suites that run it.
 */
package it.dev.portcullis.support;
