/**
 * The demo pet store: a small JPA-backed domain that the demo MCP tools read ({@code pets:read}) and write
 * ({@code pets:write}). It exists to show a tool calling an ordinary transactional EJB; remove the package
 * and its migration to ship without it.
 */
package dev.portcullis.demo;
