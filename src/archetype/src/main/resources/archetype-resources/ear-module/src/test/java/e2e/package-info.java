/**
 * The end-to-end test: the EAR on Liberty over HTTPS, and the official MCP TypeScript SDK client (under a pinned
 * Node 22, with headless Chromium as the user) through the whole OAuth flow to the application's tools.
 */
package ${package}.e2e;
