/**
 * The demo pet store: a small JPA-backed domain that the demo MCP tools read ({@code pets:read}) and write
 * ({@code pets:write}). It exists to show a tool calling an ordinary transactional EJB, in an EJB module of its own
 * with its own persistence unit, exactly as an adopting application's module (src/docs/adopt.md). Leave the module
 * out of the EAR to ship without it; its table comes from portcullis-core's migration V2.
 */
package dev.portcullis.demo;
